package com.quickcart.order.account;

import com.quickcart.order.account.UserAccounts.ProfileField;
import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** The customer's profile: what they may change, and the bot's language. */
public final class AccountButtons {

    @ButtonData("acc")
    public record Profile() implements Button {
    }

    @ButtonData("acc:e:{field}")
    public record EditProfile(ProfileField field) implements Button {
    }

    /** The language is checked by the handler (id or en): an unknown one is a stale button. */
    @ButtonData("lang:{language}")
    public record ChooseLanguage(String language) implements Button {
    }

    private AccountButtons() {
    }
}
