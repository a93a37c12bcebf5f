package com.quickcart.order.account;

import com.quickcart.order.account.UserAccounts.ProfileField;
import com.quickcart.order.account.AccountButtons.ChooseLanguage;
import com.quickcart.order.account.AccountButtons.EditProfile;
import com.quickcart.order.account.AccountButtons.Profile;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.session.Session.Awaiting;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;

/** Account: the profile, editing its fields with the onboarding rules, switching language. */
@Component
public class AccountHandler implements Feature {

    private static final Map<String, ProfileField> FIELDS = Map.of(
            "name", ProfileField.NAME, "whatsapp", ProfileField.WHATSAPP, "email", ProfileField.EMAIL);
    private static final Map<ProfileField, Awaiting> EDITS = Map.of(
            ProfileField.NAME, Awaiting.EDIT_NAME, ProfileField.WHATSAPP, Awaiting.EDIT_WHATSAPP, ProfileField.EMAIL, Awaiting.EDIT_EMAIL);

    private final UserAccounts users;
    private final AccountScreens screens;
    private final Replier replier;

    public AccountHandler(UserAccounts users, AccountScreens screens, Replier replier) {
        this.users = users;
        this.screens = screens;
        this.replier = replier;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(Profile.class, (in, button) -> profile(in))
                .button(EditProfile.class, this::edit)
                .button(ChooseLanguage.class, this::language)
                .menuLabel("menu.account", this::profile);
        EDITS.values().forEach(awaiting -> routes.text(awaiting, this::answer));
    }

    public void profile(Interaction in) {
        replier.show(in, screens.profile(in.locale(), users.find(in.userId()).orElseThrow(), null));
    }

    /** Ask for the new value. */
    public void edit(Interaction in, EditProfile button) {
        ProfileField field = button.field();
        in.replaceSession(in.session().awaiting(EDITS.get(field)));
        replier.show(in, screens.editPrompt(in.locale(), field, null));
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

    /** id or en: from now on every screen is in that language. */
    public void language(Interaction in, ChooseLanguage button) {
        String language = button.language();
        if (!language.equals("id") && !language.equals("en")) {
            replier.staleButton(in);
            profile(in);
            return;
        }
        users.setLanguage(in.userId(), language);
        in.switchLocale(Locale.forLanguageTag(language));
        replier.show(in, screens.profile(in.locale(), users.find(in.userId()).orElseThrow(), "account.language.saved"));
    }
}
