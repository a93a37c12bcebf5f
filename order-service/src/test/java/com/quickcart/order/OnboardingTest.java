package com.quickcart.order;

import com.quickcart.order.StorefrontDriver.Reply;
import com.quickcart.order.StorefrontDriver.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer is greeted and asked for a name, WhatsApp and email, one at a time; every step can be skipped. */
class OnboardingTest extends StorefrontContext {

    @Test
    void aNewUserGetsTheStickerThenNameWhatsappAndEmailOneAtATime() {
        User budi = driver.newUser("en");

        budi.says("/start");
        assertThat(budi.expect(r -> r.method().equalsIgnoreCase("sendSticker")).body().path("sticker").asText())
                .isEqualTo("CAACAgIAAxkBAAEwelcome");
        assertThat(budi.screen().text()).contains("What should we call you");
        budi.says("Budi Santoso");
        assertThat(budi.screen().text()).contains("WhatsApp");
        budi.says("0812-3456-7890");
        assertThat(budi.screen().text()).contains("email");
        budi.says("Budi@Example.com");

        Reply welcome = budi.screen();
        assertThat(welcome.text()).contains("Hi Budi Santoso, welcome to Toko Uji", "Tell a friend: https://t.me/TokoUjiBot");
        assertThat(welcome.buttonTexts()).contains("🛍 Products", "👤 Account", "💬 Contact admin", "❓ Help");
        assertThat(budi.screen().callbackData()).contains("cats", "acc", "contact", "help");

        budi.taps("acc");
        assertThat(budi.screen().text()).contains("Budi Santoso", "+6281234567890", "budi@example.com", "Customer", "Rp 0");
    }

    @Test
    void everyOnboardingStepCanBeSkippedByButtonOrCommand() {
        User anon = driver.newUser("en");

        anon.says("/start");
        anon.screen();
        anon.taps("skip");
        assertThat(anon.screen().text()).contains("WhatsApp");
        anon.says("/skip");
        assertThat(anon.screen().text()).contains("email");
        anon.taps("skip");
        assertThat(anon.screen().text()).contains("Hi Anonymous");
        assertThat(anon.screen().text()).contains("main menu");

        anon.taps("acc");
        assertThat(anon.screen().text()).contains("Name: Anonymous", "WhatsApp: —", "Email: —");
    }

    @Test
    void aBadValueGetsAClearRepromptNotAnError() {
        User user = driver.newUser("en");
        user.says("/start");
        user.screen();

        user.says("x".repeat(65));
        assertThat(user.screen().text()).contains("A name is 1 to 64 characters", "What should we call you");
        user.says("Sari");
        user.screen();
        user.says("12345");
        assertThat(user.screen().text()).contains("not an Indonesian mobile number");
        user.says("+62 812 1111 2222");
        user.screen();
        user.says("sari@");
        assertThat(user.screen().text()).contains("does not look like an email address");
        user.says("sari@example.co.id");
        assertThat(user.screen().text()).contains("welcome");
    }

    @Test
    void aReturningUserGoesStraightToTheMenu() {
        User user = onboarded("en");

        user.says("/start");

        assertThat(user.screen().text()).contains("welcome to Toko Uji");
        assertThat(user.screen().text()).contains("main menu");
        assertThat(user.replies()).filteredOn(r -> r.method().equalsIgnoreCase("sendSticker")).hasSize(1);
    }
}
