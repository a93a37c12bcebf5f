package com.quickcart.order;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.delivery.SealedGoods;
import com.quickcart.common.events.delivery.StockReserved;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.events.payment.PaymentPending;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.common.events.payment.PaymentSucceeded;
import com.quickcart.order.StorefrontDriver.Reply;
import com.quickcart.order.StorefrontDriver.User;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Only order-service speaks to customers: it writes the QR code's message (caption, expiry in the
 * store's clock, the Cancel button; the notifier only draws the code), finds whom to tell about a
 * deposit, and hands the goods on sealed as they came. payment-service's and delivery-service's
 * events, which name no chat, are published as they would send them.
 */
class PaymentAndGoodsNoticesTest extends StorefrontContext {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String QR = "00020101021226610016ID.CO.QRIS.WWW0118QC-TESTQR00015204599953033605405";
    private static final Instant EXPIRES = Instant.parse("2026-11-24T10:10:00Z");

    @Test
    void aPendingCodeShowsPakasirsTotalTheExpiryInTheStoresClockAndACancelButtonThatCancels() {
        User user = onboarded("id");
        String orderId = awaitingPayment(user);

        pending(orderId, new PaymentPending(orderId, PaymentPurpose.ORDER, user.id, 45_000, 625, 45_625, QR, EXPIRES));

        Reply photo = user.expect(r -> r.method().equals("sendPhoto"));
        assertThat(photo.body().path("photo").path("qr").asText()).isEqualTo(QR);
        assertThat(photo.body().path("photo").path("file_name").asText()).isEqualTo("qris-" + orderId + ".png");
        assertThat(photo.text()).contains("Pindai untuk membayar pesanan " + orderId, "Rp 45.625", "Rp 625", "17:10 WIB");
        assertThat(photo.buttonTexts()).as("no checkout page configured, as in production").containsExactly("✖ Batalkan pesanan");
        assertThat(jdbc.sql("SELECT total_bill FROM orders WHERE id = :id").param("id", orderId).query(Long.class).single())
                .as("the order shows Pakasir's total").isEqualTo(45_625);

        user.taps(photo.callbackData().getFirst());
        await().atMost(WAIT).until(() -> !"AWAITING_PAYMENT".equals(status(orderId)));
        assertThat(status(orderId)).isIn("CANCEL_REQUESTED", "CANCELLED");
    }

    @Test
    void aCodeForAnOrderThatAlreadyEndedIsNeverShown() {
        User user = onboarded("en");
        String orderId = awaitingPayment(user);
        jdbc.sql("UPDATE orders SET status = 'CANCELLED' WHERE id = :id").param("id", orderId).update();

        UUID event = pending(orderId, new PaymentPending(orderId, PaymentPurpose.ORDER, user.id, 45_000, 625, 45_625, QR, EXPIRES));

        await().atMost(WAIT).until(() -> handled(event));
        assertThat(user.replies()).noneMatch(r -> r.method().equals("sendPhoto"));
    }

    @Test
    void aDepositsCodeAndItsCreditReachTheDepositorsPrivateChatInTheirLanguage() {
        User user = onboarded("en");
        String depositId = "DP-TESTQR0001";

        pending(depositId, new PaymentPending(depositId, PaymentPurpose.DEPOSIT, user.id, 50_000, 700, 50_700, QR, EXPIRES));

        Reply photo = user.expect(r -> r.method().equals("sendPhoto"));
        assertThat(photo.text()).contains("Scan to top up (" + depositId + ")", "Rp 50.700", "17:10 WIB");
        assertThat(photo.body().has("reply_markup")).isFalse();

        kafka.send(Topics.PAYMENT_EVENTS, depositId, codec.wrap(depositId,
                new PaymentSucceeded(depositId, PaymentPurpose.DEPOSIT, user.id, 50_000, PaymentMethod.QRIS)));
        assertThat(user.screen().text()).contains("Rp 50.000 was added to your balance");
    }

    @Test
    void deliveredGoodsGoOnToTheOrdersChatStillSealedUnderAHeadingInTheCustomersLanguage() {
        User user = onboarded("id");
        String orderId = awaitingPayment(user);
        kafka.send(Topics.PAYMENT_EVENTS, orderId, codec.wrap(orderId,
                new PaymentSucceeded(orderId, PaymentPurpose.ORDER, user.id, 45_000, PaymentMethod.QRIS)));
        await().atMost(WAIT).until(() -> "PAID".equals(status(orderId)));
        SealedGoods sealed = new SealedGoods("k1", "ZXBoZW1lcmFs", "bm9uY2U=", "Y2lwaGVydGV4dA==");
        UUID handOver = UUID.randomUUID();
        UUID resend = UUID.randomUUID();

        kafka.send(Topics.DELIVERY_EVENTS, orderId, codec.wrap(handOver, orderId, new ItemsDelivered(orderId, user.id, "QR Key", 1, sealed, false)));
        await().atMost(WAIT).until(() -> "COMPLETED".equals(status(orderId)));
        kafka.send(Topics.DELIVERY_EVENTS, orderId, codec.wrap(resend, orderId, new ItemsDelivered(orderId, user.id, "QR Key", 1, sealed, true)));

        await().atMost(WAIT).until(() -> commandsTo(user.id, "GoodsDelivery").size() == 2);
        var commands = commandsTo(user.id, "GoodsDelivery").stream().map(s -> s.payload()).toList();
        assertThat(commands.get(0).path("sealedFor").asText()).as("bound to the event it was sealed for").isEqualTo(handOver.toString());
        assertThat(commands.get(0).path("heading").asText()).isEqualTo("🎁 Pesanan " + orderId + ": QR Key (1 item)");
        assertThat(commands.get(0).path("fileCaption").asText()).isEqualTo("Barang Anda ada di file terlampir.");
        assertThat(commands.get(0).path("goods").path("ciphertext").asText()).as("passed on as it came").isEqualTo("Y2lwaGVydGV4dA==");
        assertThat(commands.get(1).path("sealedFor").asText()).isEqualTo(resend.toString());
        assertThat(commands.get(1).path("heading").asText()).startsWith("🎁 Kirim ulang pesanan " + orderId);
    }

    @Test
    void goodsForAnOrderThisServiceDoesNotKnowAreDeadLetteredStillSealedNotDropped() {
        String orderId = "QC-UNKNOWN" + (System.nanoTime() % 100_000);
        SealedGoods sealed = new SealedGoods("k1", "ZXBoZW1lcmFs", "bm9uY2U=", "Y2lwaGVydGV4dA==");
        try (TopicProbe deadLetters = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.deadLetter(Topics.DELIVERY_EVENTS))) {
            kafka.send(Topics.DELIVERY_EVENTS, orderId, codec.wrap(orderId, new ItemsDelivered(orderId, 42, "QR Key", 1, sealed, false)));

            TopicProbe.Seen dead = deadLetters.awaitOne(d -> orderId.equals(d.key()), WAIT);
            assertThat(dead.payload().path("goods").path("ciphertext").asText()).isEqualTo("Y2lwaGVydGV4dA==");
        }
    }

    private String awaitingPayment(User user) {
        long product = jdbc.sql("INSERT INTO products (category_id, name, price) VALUES (1, 'QR Key', 45000) RETURNING id")
                .query(Long.class).single();
        jdbc.sql("INSERT INTO product_stock (product_id, available) VALUES (:id, 5)").param("id", product).update();
        user.taps("pay:q:" + product + ":1");
        await().atMost(WAIT).until(() -> orderOf(user) != null);
        String orderId = orderOf(user);
        kafka.send(Topics.DELIVERY_EVENTS, orderId, codec.wrap(orderId, new StockReserved(orderId, product, 1)));
        await().atMost(WAIT).until(() -> "AWAITING_PAYMENT".equals(status(orderId)));
        return orderId;
    }

    private UUID pending(String key, PaymentPending event) {
        UUID eventId = UUID.randomUUID();
        kafka.send(Topics.PAYMENT_EVENTS, key, codec.wrap(eventId, key, event));
        return eventId;
    }

    private String orderOf(User user) {
        return jdbc.sql("SELECT id FROM orders WHERE user_id = :u").param("u", user.id).query(String.class).optional().orElse(null);
    }

    private String status(String orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE id = :id").param("id", orderId).query(String.class).single();
    }

    private boolean handled(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id").param("id", eventId).query(Long.class).single() > 0;
    }
}
