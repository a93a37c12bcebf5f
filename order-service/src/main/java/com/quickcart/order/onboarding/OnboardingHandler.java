package com.quickcart.order.onboarding;

import com.quickcart.order.account.ProfileInput;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Routes;
import java.util.List;
import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.account.UserAccounts.ProfileField;
import com.quickcart.order.account.UserAccounts.UserProfile;
import com.quickcart.order.bot.BotOutbox;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.onboarding.OnboardingButtons.Skip;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.config.StoreProperties;
import com.quickcart.order.menu.MenuScreens;
import com.quickcart.order.session.Session.Awaiting;
import org.springframework.stereotype.Component;

import java.util.Locale;

import static com.quickcart.order.bot.Buttons.button;

/**
 * {@code /start}: a returning user goes straight to the menu; a new one gets the sticker, then
 * name, WhatsApp and email, one at a time, each skippable. Leaving half-way is fine: the next
 * {@code /start} asks again from the name.
 */
@Component
public class OnboardingHandler implements Feature {

    private static final List<Awaiting> STEPS = List.of(Awaiting.NAME, Awaiting.WHATSAPP, Awaiting.EMAIL);


    private final UserAccounts users;
    private final Replier replier;
    private final BotOutbox bot;
    private final Texts texts;
    private final MenuScreens menu;
    private final StoreProperties store;

    public OnboardingHandler(UserAccounts users, Replier replier, BotOutbox bot, Texts texts, MenuScreens menu, StoreProperties store) {
        this.users = users;
        this.replier = replier;
        this.bot = bot;
        this.texts = texts;
        this.menu = menu;
        this.store = store;
    }

    @Override
    public void routes(Routes routes) {
        routes.command("/start", this::start)
                .commandKeepingInput("/skip", this::skip)
                .button(Skip.class, (in, button) -> skip(in));
        for (Awaiting step : STEPS) {
            routes.text(step, this::answer);
        }
    }

    public void start(Interaction in) {
        UserProfile profile = users.find(in.userId()).orElseThrow();
        if (profile.onboardingDone()) {
            showHome(in, profile);
            return;
        }
        if (in.firstVisit() && store.welcomeStickerId() != null && !store.welcomeStickerId().isBlank()) {
            bot.sendSticker(in.chatId(), store.welcomeStickerId());
        }
        in.replaceSession(in.session().awaiting(Awaiting.NAME));
        String greeting = texts.get(in.locale(), "onboarding.greeting", in.firstName(), store.name());
        replier.show(in, prompt(in.locale(), greeting + "\n\n" + texts.get(in.locale(), "onboarding.name")));
    }

    /** Free text while a step is awaited. */
    public void answer(Interaction in, String text) {
        Awaiting step = in.session().awaiting();
        ProfileField field = fieldOf(step);
        ProfileInput.Result result = ProfileInput.check(field, text);
        if (!result.ok()) {
            ask(in, step, result.errorKey());
            return;
        }
        users.updateField(in.userId(), field, result.value());
        next(in, step);
    }

    /** {@code /skip} or the Skip button: the default for this step (Anonymous, none, none). */
    public void skip(Interaction in) {
        Awaiting step = in.session().awaiting();
        if (!STEPS.contains(step)) {
            replier.toast(in, texts.get(in.locale(), "skip.nothing"));
            replier.show(in, menu.mainMenu(in));
            return;
        }
        next(in, step);
    }

    private void next(Interaction in, Awaiting step) {
        switch (step) {
            case NAME -> ask(in, Awaiting.WHATSAPP, null);
            case WHATSAPP -> ask(in, Awaiting.EMAIL, null);
            default -> {
                users.completeOnboarding(in.userId());
                in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
                showHome(in, users.find(in.userId()).orElseThrow());
            }
        }
    }

    private void ask(Interaction in, Awaiting step, String errorKey) {
        Locale locale = in.locale();
        String prompt = texts.get(locale, "onboarding." + step.name().toLowerCase(Locale.ROOT));
        String text = texts.prompt(locale, errorKey, prompt);
        in.replaceSession(in.session().awaiting(step));
        replier.show(in, prompt(locale, text));
    }

    private Screen prompt(Locale locale, String text) {
        return new Screen(text, Buttons.keyboard().row(button(texts.get(locale, "onboarding.skip"), new Skip())).build());
    }

    private void showHome(Interaction in, UserProfile profile) {
        String name = profile.hasDisplayName() ? profile.displayName() : texts.get(in.locale(), "anonymous");
        replier.send(in.chatId(), menu.welcome(in.locale(), name));
        replier.send(in.chatId(), menu.mainMenu(in));
    }

    private static ProfileField fieldOf(Awaiting step) {
        return switch (step) {
            case NAME, EDIT_NAME -> ProfileField.NAME;
            case WHATSAPP, EDIT_WHATSAPP -> ProfileField.WHATSAPP;
            case EMAIL, EDIT_EMAIL -> ProfileField.EMAIL;
            default -> throw new IllegalArgumentException("not a profile step: " + step);
        };
    }
}
