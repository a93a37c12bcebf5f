package com.quickcart.order;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.delivery.SealedGoods;
import com.quickcart.common.events.delivery.StockReserved;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.events.payment.BalanceChanged;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.common.events.payment.PaymentSucceeded;
import com.quickcart.order.StorefrontDriver.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's past: their orders (from checkout's table) and wallet transactions (from account's
 * projection), and a completed order counted once into the catalog's best sellers. The other
 * services' answers are published as they would send them.
 */
class HistoryTest extends StorefrontContext {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aCompletedOrderShowsInTheHistoryAndCountsOnceAmongTheBestSellers() {
        long product = jdbc.sql("INSERT INTO products (category_id, name, price) VALUES (1, 'History Key', 10000) RETURNING id")
                .query(Long.class).single();
        jdbc.sql("INSERT INTO product_stock (product_id, available) VALUES (:id, 5)").param("id", product).update();
        User user = onboarded("en");

        user.taps("pay:q:" + product + ":3");
        await().atMost(WAIT).until(() -> orderOf(user) != null);
        String orderId = orderOf(user);
        saga(orderId, new StockReserved(orderId, product, 3));
        awaitStatus(orderId, "AWAITING_PAYMENT");
        saga(orderId, new PaymentSucceeded(orderId, PaymentPurpose.ORDER, user.id, 30_000, PaymentMethod.QRIS));
        awaitStatus(orderId, "PAID");
        SealedGoods sealed = new SealedGoods("k1", "ZQ==", "bg==", "Yw==");
        saga(orderId, new ItemsDelivered(orderId, user.id, "History Key", 3, sealed, false));
        awaitStatus(orderId, "COMPLETED");
        UUID resent = saga(orderId, new ItemsDelivered(orderId, user.id, "History Key", 3, sealed, true));
        await().atMost(WAIT).until(() -> handled(resent));

        user.taps("ho:0");
        assertThat(user.expect(r -> r.text().contains("Your orders")).text()).contains(orderId + ": History Key x3", "completed");
        user.taps("best");
        assertThat(user.expect(r -> r.text().contains("Best sellers")).text())
                .as("three units sold once, not again for the re-sent goods").contains("1. History Key — 3 sold");
    }

    @Test
    void walletEntriesShowInTheTransactionsNewestFirst() {
        User user = onboarded("en");
        Instant at = Instant.parse("2026-11-20T03:00:00Z");
        balance(new BalanceChanged(user.id, 1, "DEPOSIT", 50_000, 50_000, "DP-1", at));
        balance(new BalanceChanged(user.id, 2, "PURCHASE", -10_000, 40_000, "QC-1", at.plusSeconds(60)));
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM wallet_transactions WHERE user_id = :u")
                .param("u", user.id).query(Long.class).single() == 2);

        user.taps("ht:0");

        String text = user.expect(r -> r.text().contains("Your transactions")).text();
        assertThat(text).contains("Purchase −Rp 10.000 → Rp 40.000 (QC-1)", "Deposit +Rp 50.000 → Rp 50.000 (DP-1)");
        assertThat(text.indexOf("QC-1")).as("newest first").isLessThan(text.indexOf("DP-1"));
    }

    private String orderOf(User user) {
        return jdbc.sql("SELECT id FROM orders WHERE user_id = :u").param("u", user.id).query(String.class).optional().orElse(null);
    }

    private UUID saga(String orderId, Object event) {
        UUID eventId = UUID.randomUUID();
        String topic = event instanceof PaymentSucceeded ? Topics.PAYMENT_EVENTS : Topics.DELIVERY_EVENTS;
        kafka.send(topic, orderId, codec.wrap(eventId, orderId, event));
        return eventId;
    }

    private void balance(BalanceChanged event) {
        kafka.send(Topics.PAYMENT_EVENTS, Long.toString(event.userId()), codec.wrap(Long.toString(event.userId()), event));
    }

    private void awaitStatus(String orderId, String status) {
        await().atMost(WAIT).until(() -> status.equals(jdbc.sql("SELECT status FROM orders WHERE id = :id").param("id", orderId)
                .query(String.class).single()));
    }

    private boolean handled(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id").param("id", eventId).query(Long.class).single() > 0;
    }
}
