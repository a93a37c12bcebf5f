package com.quickcart.order.account;

import com.quickcart.order.account.UserAccounts.ProfileField;
import com.quickcart.order.bot.CallbackData;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.session.Session.Awaiting;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;

/** Account: the profile, editing its fields with the onboarding rules, switching language. */
@Component
public class AccountHandler {

    private static final Map<String, ProfileField> FIELDS = Map.of(
            "name", ProfileField.NAME, "whatsapp", ProfileField.WHATSAPP, "email", ProfileField.EMAIL);
    private static final Map<ProfileField, Awaiting> EDITS = Map.of(
            ProfileField.NAME, Awaiting.EDIT_NAME, ProfileField.WHATSAPP, Awaiting.EDIT_WHATSAPP, ProfileField.EMAIL, Awaiting.EDIT_EMAIL);

    private final UserAccounts users;
    private final AccountScreens screens;
    private final Replier replier;
    private final Texts texts;

    public AccountHandler(UserAccounts users, AccountScreens screens, Replier replier, Texts texts) {
        this.users = users;
        this.screens = screens;
        this.replier = replier;
        this.texts = texts;
    }

    public void profile(Interaction in) {
        replier.show(in, screens.profile(in.locale(), users.find(in.userId()).orElseThrow(), null));
    }

    /** {@code acc:e:<field>}: ask for the new value. */
    public void edit(Interaction in, CallbackData data) {
        ProfileField field = FIELDS.get(data.text(2).orElse(""));
        if (field == null) {
            replier.toast(in, texts.get(in.locale(), "stale.button"));
            profile(in);
            return;
        }
        in.replaceSession(in.session().awaiting(EDITS.get(field)));
        replier.show(in, screens.editPrompt(in.locale(), field, null));
    }

    public static boolean isEdit(Awaiting awaiting) {
        return EDITS.containsValue(awaiting);
    }

    /** Free text while an edit is awaited. */
    public void answer(Interaction in, String text) {
        ProfileField field = EDITS.entrySet().stream().filter(e -> e.getValue() == in.session().awaiting())
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        ProfileInput.Result result = ProfileInput.check(field, text);
        if (!result.ok()) {
            replier.show(in, screens.editPrompt(in.locale(), field, result.errorKey()));
            return;
        }
        users.updateField(in.userId(), field, result.value());
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        replier.show(in, screens.profile(in.locale(), users.find(in.userId()).orElseThrow(), "account.saved"));
    }

    /** {@code lang:<id|en>}: from now on every screen is in that language. */
    public void language(Interaction in, CallbackData data) {
        String language = data.text(1).orElse("");
        if (!language.equals("id") && !language.equals("en")) {
            replier.toast(in, texts.get(in.locale(), "stale.button"));
            profile(in);
            return;
        }
        users.setLanguage(in.userId(), language);
        in.switchLocale(Locale.forLanguageTag(language));
        replier.show(in, screens.profile(in.locale(), users.find(in.userId()).orElseThrow(), "account.language.saved"));
    }
}
