package com.quickcart.order;

import com.quickcart.order.StorefrontDriver.Reply;
import com.quickcart.order.StorefrontDriver.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Taps and texts land where the customer expects, whatever screen they left: old buttons, stale ones, mid-flow detours. */
class NavigationTest extends StorefrontContext {

    @Test
    void tappingProductsMidOnboardingWorksAndTheNextTextIsNotTakenAsAName() {
        User user = driver.newUser("en");
        user.says("/start");
        user.screen();

        user.taps("cats");
        assertThat(user.screen().text()).contains("Choose a category");
        user.says("Budi");

        assertThat(user.screen().text()).contains("did not understand");
        user.taps("acc");
        assertThat(user.screen().text()).contains("Name: Anonymous");
    }

    @Test
    void leavingAProductMidQuantityAndTappingItsOldButtonLaterStillWorks() {
        User user = onboarded("en");
        user.taps("p:1:q:1");
        assertThat(user.screen().callbackData()).contains("p:1:q:2", "p:1:q:3", "p:1:q:5", "buy:1:1");

        user.taps("acc");
        user.screen();
        user.taps("p:1:q:3");

        Reply product = user.screen();
        assertThat(product.isEdit()).isTrue();
        assertThat(product.text()).contains("Netflix Premium", "Quantity: 3", "Rp 135.000");
        assertThat(product.callbackData()).contains("p:1:q:2", "p:1:q:4", "p:1:q:5", "buy:1:3");
    }

    @Test
    void quantityStaysWithinOneAndTheStock() {
        User user = onboarded("en");

        user.taps("p:2:q:99");
        Reply atMost = user.screen();
        assertThat(atMost.text()).contains("Quantity: 5");
        assertThat(atMost.callbackData()).doesNotContain("p:2:q:6").contains("p:2:q:4", "buy:2:5");

        user.taps("p:2:q:0");
        assertThat(user.screen().text()).contains("Quantity: 1");
    }

    @Test
    void aStaleButtonForAProductThatIsGoneAnswersPolitely() {
        User user = onboarded("en");

        user.taps("p:987654:q:2");

        assertThat(user.answerToLastTap()).isEqualTo("That product is no longer available.");
        assertThat(user.screen().text()).contains("Choose a category");
    }

    @Test
    void buyingMoreThanIsLeftAdjustsTheQuantityAndSaysSo() {
        User user = onboarded("en");

        user.taps("buy:3:9");

        assertThat(user.answerToLastTap()).isEqualTo("Only 5 left: quantity adjusted.");
        assertThat(user.screen().text()).contains("Quantity: 5");
    }

    @Test
    void buyOpensTheSummaryWithUnitPriceSubtotalAndTotal() {
        User user = onboarded("en");

        user.taps("buy:4:2");

        assertThat(user.screen().text()).contains("Order summary", "Steam Wallet", "Quantity: 2", "Unit price: Rp 62.000",
                "Subtotal: Rp 124.000", "Total: Rp 124.000");
    }

    @Test
    void unknownButtonDataAnswersWithTheMenu() {
        User user = onboarded("en");

        user.taps("x:y:z");

        assertThat(user.answerToLastTap()).contains("no longer valid");
        assertThat(user.screen().text()).contains("main menu");
    }

    @Test
    void everyTapIsAnsweredExactlyOnce() {
        User user = onboarded("en");

        user.taps("cats");
        user.screen();
        assertThat(user.answerToLastTap()).isEmpty();
        user.taps("p:404404:q:1");
        user.screen();
        assertThat(user.answerToLastTap()).isNotEmpty();
        user.taps("help");
        user.screen();
        user.answerToLastTap();
        user.says("/menu");
        user.screen();

        assertThat(user.answersToLastTap()).hasSize(1);
        assertThat(user.replies()).filteredOn(r -> r.method().equalsIgnoreCase("answerCallbackQuery"))
                .extracting(r -> r.body().path("callback_query_id").asText()).doesNotHaveDuplicates();
    }
}
