package com.quickcart.order.menu;

import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.menu.MenuButtons.Help;
import com.quickcart.order.menu.MenuButtons.MainMenu;
import com.quickcart.order.bot.button.Noop;
import org.springframework.stereotype.Component;

/** The main menu, help and the ordering guide: reachable from every screen and by command. */
@Component
public class MenuHandler implements Feature {

    private final MenuScreens screens;
    private final Replier replier;

    public MenuHandler(MenuScreens screens, Replier replier) {
        this.screens = screens;
        this.replier = replier;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(MainMenu.class, (in, button) -> mainMenu(in))
                .button(Help.class, (in, button) -> help(in))
                .button(Noop.class, (in, button) -> replier.finish(in))
                .command("/menu", this::mainMenu)
                .command("/help", this::help)
                .command("/order", in -> replier.show(in, screens.orderGuide(in.locale())))
                .menuLabel("menu.help", this::help);
    }

    public void mainMenu(Interaction in) {
        replier.show(in, screens.mainMenu(in));
    }

    public void help(Interaction in) {
        replier.show(in, screens.help(in.locale()));
    }
}
