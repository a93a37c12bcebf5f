package com.quickcart.order.account;

import com.quickcart.order.config.StoreProperties;

import com.quickcart.order.account.UserAccounts.UserProfile;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.account.AccountButtons.ChooseLanguage;
import com.quickcart.order.account.AccountButtons.EditProfile;
import com.quickcart.order.account.AccountButtons.Profile;
import com.quickcart.order.account.UserAccounts.ProfileField;
import com.quickcart.order.deposit.DepositButtons.DepositMenu;
import com.quickcart.order.history.HistoryButtons.OrderHistory;
import com.quickcart.order.history.HistoryButtons.Transactions;
import com.quickcart.order.menu.MenuButtons.MainMenu;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import static com.quickcart.order.bot.Buttons.button;

/** The profile screen and its edit prompts; their buttons are {@link AccountButtons}. */
@Component
public class AccountScreens {

    private final ZoneId zone;

    private final Texts texts;

    public AccountScreens(Texts texts, StoreProperties store) {
        this.zone = store.timezone();
        this.texts = texts;
    }

    public Screen profile(Locale locale, UserProfile profile, String noticeKey) {
        String none = texts.get(locale, "account.none");
        String text = texts.get(locale, "account.profile",
                profile.hasDisplayName() ? profile.displayName() : texts.get(locale, "anonymous"),
                profile.whatsapp() == null ? none : profile.whatsapp(),
                profile.email() == null ? none : profile.email(),
                texts.get(locale, "role." + profile.role().name().toLowerCase(Locale.ROOT)),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(profile.memberSince().atZone(zone)),
                Rupiah.format(profile.balance()),
                profile.ordersCount());
        if (noticeKey != null) {
            text = texts.get(locale, noticeKey) + "\n\n" + text;
        }
        String otherLanguage = locale.getLanguage().equals("id") ? "en" : "id";
        return new Screen(text, Buttons.keyboard()
                .row(button(texts.get(locale, "account.edit.name"), new EditProfile(ProfileField.NAME)),
                        button(texts.get(locale, "account.edit.whatsapp"), new EditProfile(ProfileField.WHATSAPP)))
                .row(button(texts.get(locale, "account.edit.email"), new EditProfile(ProfileField.EMAIL)),
                        button(texts.get(locale, "account.language." + otherLanguage), new ChooseLanguage(otherLanguage)))
                .row(button(texts.get(locale, "history.orders"), new OrderHistory(0)), button(texts.get(locale, "history.transactions"), new Transactions(0)))
                .row(button(texts.get(locale, "menu.deposit"), new DepositMenu()), button(texts.get(locale, "nav.menu"), new MainMenu()))
                .build());
    }

    public Screen editPrompt(Locale locale, UserAccounts.ProfileField field, String errorKey) {
        String prompt = texts.get(locale, "account.prompt." + field.name().toLowerCase(Locale.ROOT));
        return new Screen(texts.prompt(locale, errorKey, prompt),
                Buttons.keyboard().row(button(texts.get(locale, "nav.cancel"), new Profile())).build());
    }
}
