package com.quickcart.order;

import com.quickcart.order.StorefrontDriver.Reply;
import com.quickcart.order.StorefrontDriver.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer's own account: profile edits with the onboarding's checks, and the language they read. */
class AccountTest extends StorefrontContext {

    @Test
    void aProfileFieldIsEditedWithTheSameValidation() {
        User user = onboarded("en");
        user.taps("acc:e:whatsapp");
        assertThat(user.screen().text()).contains("Send your WhatsApp number");

        user.says("0000");
        assertThat(user.screen().text()).contains("not an Indonesian mobile number");
        user.says("628577788899");

        assertThat(user.screen().text()).contains("Saved", "+628577788899");
    }

    @Test
    void anIndonesianClientIsServedInIndonesianAndCanSwitchToEnglish() {
        User user = driver.newUser("id");
        user.says("/start");
        assertThat(user.screen().text()).contains("Boleh tahu nama Anda");
        user.taps("skip");
        user.taps("skip");
        user.taps("skip");
        assertThat(user.screen().text()).isNotEmpty();
        user.taps("acc");
        Reply account = user.expect(r -> r.text().contains("Akun Anda"));
        assertThat(account.callbackData()).contains("lang:en");

        user.taps("lang:en");
        assertThat(user.expect(r -> r.text().contains("Your account")).text()).contains("Language: English");
        user.taps("cats");
        assertThat(user.screen().text()).contains("Choose a category");
    }
}
