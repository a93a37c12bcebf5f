package com.quickcart.order;

import com.quickcart.order.StorefrontDriver.Reply;
import com.quickcart.order.StorefrontDriver.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Browsing the catalogue: categories, pages, product numbers, reseller prices, sold-out products, the guides. */
class CatalogTest extends StorefrontContext {

    @Test
    void allProductsArePagedTenAtATimeWithArrowsOnlyWhereThereIsAPage() {
        User user = onboarded("en");

        user.taps("all:0");
        Reply first = user.screen();
        assertThat(first.callbackData()).contains("all:1", "noop").doesNotContain("all:-1");
        assertThat(first.buttonTexts()).contains("1/2", "▶").doesNotContain("◀");
        assertThat(first.text()).contains("1. Netflix", "10. ChatGPT").doesNotContain("11. NordVPN");

        user.taps("all:1");
        Reply last = user.screen();
        assertThat(last.buttonTexts()).contains("◀", "2/2").doesNotContain("▶");
        assertThat(last.text()).contains("11. NordVPN").doesNotContain("1. Netflix");

        user.taps("all:42");
        assertThat(user.screen().buttonTexts()).contains("2/2");
    }

    @Test
    void anEmptyCategorySaysSoAndOffersAWayBack() {
        long empty = jdbc.sql("INSERT INTO categories (name, sort_order) VALUES ('Coming soon', 99) RETURNING id").query(Long.class).single();
        User user = onboarded("en");

        user.taps("c:" + empty + ":0");

        Reply screen = user.screen();
        assertThat(screen.text()).contains("Coming soon", "No products here yet");
        assertThat(screen.callbackData()).contains("cats", "m").noneMatch(d -> d.startsWith("c:" + empty + ":"));
    }

    @Test
    void typingAProductNumberOpensItAndAnUnknownNumberSaysSo() {
        User user = onboarded("en");

        user.says("7");
        assertThat(user.screen().text()).contains("7. Windows 11 Pro Key", "Rp 150.000");

        user.says("#4040");
        assertThat(user.screen().text()).contains("no product number 4040");
    }

    @Test
    void aResellerSeesTheResellerPrice() {
        User user = onboarded("en");
        jdbc.sql("UPDATE users SET role = 'reseller' WHERE telegram_id = :id").param("id", user.id).update();

        user.taps("p:1:q:2");

        assertThat(user.screen().text()).contains("Reseller price: Rp 40.000", "subtotal Rp 80.000");
    }

    @Test
    void aSoldOutProductHasNoBuyButton() {
        long soldOut = jdbc.sql("INSERT INTO products (category_id, name, price) VALUES (1, 'Disney+ 1 Month', 30000) RETURNING id")
                .query(Long.class).single();
        jdbc.sql("INSERT INTO product_stock (product_id, available) VALUES (:id, 0)").param("id", soldOut).update();
        User user = onboarded("en");

        user.taps("p:" + soldOut + ":q:1");

        Reply screen = user.screen();
        assertThat(screen.text()).contains("Sold out for now");
        assertThat(screen.callbackData()).noneMatch(d -> d.startsWith("buy:"));
    }

    @Test
    void stockHelpAndOrderCommandsAnswerWithTheirGuides() {
        User user = onboarded("en");

        user.says("/stock");
        assertThat(user.screen().text()).contains("Stock", "1. Netflix Premium 1 Month: 5");
        user.says("/help");
        assertThat(user.screen().text()).contains("https://docs.toko-uji.example/guide", "@quickcart_support");
        user.says("/order");
        assertThat(user.screen().text()).contains("How ordering works");
    }

    @Test
    void theReplyKeyboardLabelsWorkAsTypedText() {
        User user = onboarded("id");

        user.says("🛍 Produk");

        assertThat(user.screen().text()).contains("Pilih kategori");
    }
}
