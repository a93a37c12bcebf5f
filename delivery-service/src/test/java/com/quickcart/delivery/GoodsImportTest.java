package com.quickcart.delivery;

import com.quickcart.delivery.inventory.GoodsImport;
import com.quickcart.delivery.inventory.Inventory;
import com.quickcart.common.events.Topics;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.GoodsTransitKeys;
import com.quickcart.testsupport.TestEnvironment;
import com.quickcart.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An operator loads goods from a file (deploy/load-goods.sh): stored encrypted, counted, never echoed. */
@SpringBootTest(classes = DeliveryServiceApplication.class, properties = {
        "spring.config.name=delivery-service",
        "INVENTORY_KEY=" + ReservationTest.KEY})
class GoodsImportTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.infrastructure().forEach((key, value) -> registry.add(key, () -> value));
        registry.add(GoodsTransitKeys.PUBLIC_KEY_VARIABLE, GoodsTransitKeys::publicKey);
    }

    @Autowired GoodsImport goods;
    @Autowired Inventory inventory;
    @Autowired JdbcClient jdbc;

    @Test
    void eachNonBlankLineBecomesOneEncryptedItemAndTheNewStockLevelIsAnnounced() {
        long product = 9_100 + System.nanoTime() % 1_000;
        try (TopicProbe stockLevels = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.DELIVERY_EVENTS)) {

            int available = goods.load(product, List.of("LICENCE-AAAA-1111", "", "  LICENCE-BBBB-2222  ", "account: budi@example.com / s3cret"));

            assertThat(available).isEqualTo(3).isEqualTo(inventory.available(product));
            List<byte[]> stored = jdbc.sql("SELECT ciphertext FROM inventory_items WHERE product_id = :p").param("p", product)
                    .query(byte[].class).list();
            assertThat(stored).hasSize(3).noneMatch(c -> new String(c, StandardCharsets.ISO_8859_1).contains("LICENCE"));
            TopicProbe.Seen announced = stockLevels.awaitOne(s -> s.key().equals(Long.toString(product)), Duration.ofSeconds(20));
            assertThat(announced.type()).isEqualTo("StockLevelChanged");
            assertThat(announced.payload().path("available").asInt()).as("the stock order-service will show").isEqualTo(3);
        }
    }

    @Test
    void aFileThatWouldSellAnItemTwiceOrHoldsNothingLoadsNothingAndNamesOnlyTheLine() {
        long product = 9_200 + System.nanoTime() % 1_000;

        assertThatThrownBy(() -> goods.load(product, List.of("KEY-ONE", "KEY-TWO", "KEY-ONE")))
                .hasMessage("line 3 repeats line 1: the same item would be sold twice");
        assertThatThrownBy(() -> goods.load(product, List.of("", "   "))).hasMessageContaining("no items");
        assertThatThrownBy(() -> goods.load(0, List.of("KEY"))).hasMessageContaining("product id must be a positive number");
        assertThatThrownBy(() -> goods.load(product, List.of("x".repeat(4001)))).hasMessage("line 1 is longer than 4000 characters");

        assertThat(inventory.available(product)).isZero();
    }
}
