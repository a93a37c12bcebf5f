package com.quickcart.order.menu;

import com.quickcart.order.account.AccountButtons.Profile;
import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.account.UserAccounts.UserProfile;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.catalog.CatalogButtons.BestSellers;
import com.quickcart.order.catalog.CatalogButtons.Categories;
import com.quickcart.order.deposit.DepositButtons.DepositMenu;
import com.quickcart.order.history.HistoryButtons.OrderHistory;
import com.quickcart.order.menu.MenuButtons.Help;
import com.quickcart.order.menu.MenuButtons.MainMenu;
import com.quickcart.order.support.SupportButtons.ContactAdmin;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.config.StoreProperties;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;

import java.util.List;
import java.util.Locale;

import static com.quickcart.order.bot.Buttons.button;
import static com.quickcart.order.bot.Buttons.link;

/** The main menu (reply keyboard and inline), the welcome, the user guide and the ordering guide. */
@Component
public class MenuScreens {

    private final Texts texts;
    private final StoreProperties store;
    private final UserAccounts users;

    public MenuScreens(Texts texts, StoreProperties store, UserAccounts users) {
        this.users = users;
        this.texts = texts;
        this.store = store;
    }

    /** The greeting; it also installs the reply keyboard, which only a new message can carry. */
    public Screen welcome(Locale locale, String name) {
        ReplyKeyboardMarkup keyboard = ReplyKeyboardMarkup.builder()
                .keyboard(List.of(
                        new KeyboardRow(List.of(label(locale, "menu.products"), label(locale, "menu.account"), label(locale, "menu.deposit"))),
                        new KeyboardRow(List.of(label(locale, "menu.contact"), label(locale, "menu.help")))))
                .resizeKeyboard(true)
                .isPersistent(true)
                .build();
        return new Screen(texts.get(locale, "welcome", name, store.name(), store.botName(), store.supportContact()) + share(locale), keyboard);
    }

    /** The main menu, headed by what the customer has with the store: balance and orders. */
    public Screen mainMenu(Interaction in) {
        Locale locale = in.locale();
        UserProfile user = users.find(in.userId()).orElse(null);
        String title = texts.get(locale, "menu.title", store.name());
        if (user != null) {
            title += "\n" + texts.get(locale, "menu.you", Rupiah.format(user.balance()), Long.toString(user.ordersCount()));
        }
        return new Screen(title, Buttons.keyboard()
                .row(button(texts.get(locale, "menu.products"), new Categories()), button(texts.get(locale, "catalog.best"), new BestSellers()))
                .row(button(texts.get(locale, "menu.account"), new Profile()), button(texts.get(locale, "menu.deposit"), new DepositMenu()))
                .row(button(texts.get(locale, "history.orders"), new OrderHistory(0)), button(texts.get(locale, "menu.contact"), new ContactAdmin()))
                .row(button(texts.get(locale, "menu.help"), new Help()))
                .build());
    }

    public Screen help(Locale locale) {
        return new Screen(texts.get(locale, "help", store.name(), store.documentationUrl(), store.supportContact()) + share(locale), Buttons.keyboard()
                .row(link(texts.get(locale, "help.guide"), store.documentationUrl()))
                .row(button(texts.get(locale, "nav.menu"), new MainMenu()))
                .build());
    }

    public Screen orderGuide(Locale locale) {
        return new Screen(texts.get(locale, "order.guide", store.supportContact()), Buttons.keyboard()
                .row(button(texts.get(locale, "nav.products"), new Categories()), button(texts.get(locale, "nav.menu"), new MainMenu()))
                .build());
    }

    public Screen hint(Locale locale) {
        return new Screen(texts.get(locale, "hint"), Buttons.keyboard().row(button(texts.get(locale, "nav.menu"), new MainMenu())).build());
    }

    private KeyboardButton label(Locale locale, String key) {
        return new KeyboardButton(texts.get(locale, key));
    }

    /** "Tell a friend: https://t.me/…", when the store set BOT_USERNAME. */
    private String share(Locale locale) {
        return store.botLink().map(link -> "\n\n" + texts.get(locale, "share", link)).orElse("");
    }
}
