package com.quickcart.e2e.saga;

import com.quickcart.order.bot.Rupiah;
import com.quickcart.testsupport.FakePakasir;
import com.quickcart.testsupport.TelegramUpdates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orderings of the checkout saga that once lost money or stock, each told step by step. The
 * first is the shrunk counterexample the interleaving test found for "pay, then cancel".
 */
class SagaRegressionsTest {

    private static final long PRICE = SagaRun.PRICE;

    private static SagaWorld world;

    @BeforeAll
    static void start() {
        world = new SagaWorld();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    /**
     * Seed 1041 of the interleaving test on the old code, shrunk: one buyer pays from a balance
     * that just covers it, taps Cancel after the stock is reserved and before the debit, and the
     * debit wins; the old order-service dropped the PaymentSucceeded and kept the money.
     */
    @Test
    void theShrunkCounterexampleForPayThenCancelNowKeepsMoneyAndGoodsInStep() {
        List<Integer> shrunk = List.of(539, 263, 0, 301, 0, 85, 0, 0, 0, 0, 0, 749, 392);
        assertThat(SagaRun.play(world, shrunk)).isEmpty();
    }

    @Test
    void aCustomerWhoPaysByQrisAndThenCancelsGetsTheGoods() {
        long product = world.newProduct(PRICE, 1);
        long chat = TelegramUpdates.newChatId();
        world.tap(chat, "pay:q:" + product + ":1");
        world.deliverWhile(queue -> true);
        String order = orderOf(chat);
        assertThat(status(order)).isEqualTo("AWAITING_PAYMENT");

        FakePakasir.Transaction qr = world.pakasir.transaction(order);
        world.pakasir.markPaid(order);
        world.callback(order, qr.amount(), "completed", "2026-11-26T10:00:00+07:00");
        world.deliverWhile(queue -> queue.startsWith("payment|"));
        // The customer taps Cancel on the QR photo before order-service has read PaymentSucceeded.
        world.tap(chat, "cancel:" + order);
        world.deliverWhile(queue -> queue.startsWith("order-telegram-updates|"));
        world.settle();

        assertThat(status(order)).isEqualTo("COMPLETED");
        assertThat(delivered(order)).isTrue();
        assertThat(SagaInvariants.check(world, product, 1, List.of(chat))).isEmpty();
    }

    @Test
    void aBalanceOrderCancelledBeforeItsDebitIsDeliveredWhenTheDebitWins() {
        long product = world.newProduct(PRICE, 1);
        long chat = TelegramUpdates.newChatId();
        world.credit(chat, PRICE);
        world.tap(chat, "pay:b:" + product + ":1");
        world.deliverWhile(queue -> !queue.startsWith("payment|"));
        String order = orderOf(chat);
        assertThat(status(order)).isEqualTo("AWAITING_PAYMENT");

        world.tap(chat, "cancel:" + order);
        world.deliverWhile(queue -> queue.startsWith("order-telegram-updates|"));
        assertThat(status(order)).isEqualTo("CANCEL_REQUESTED");
        world.settle();

        assertThat(status(order)).isEqualTo("COMPLETED");
        assertThat(balance(chat)).isZero();
        assertThat(SagaInvariants.check(world, product, 1, List.of(chat))).isEmpty();
    }

    @Test
    void aCancelThatReachesPaymentFirstEndsTheOrderAndReleasesTheStock() {
        long product = world.newProduct(PRICE, 1);
        long chat = TelegramUpdates.newChatId();
        world.tap(chat, "pay:q:" + product + ":1");
        world.deliverWhile(queue -> true);
        String order = orderOf(chat);

        world.tap(chat, "cancel:" + order);
        world.settle();

        assertThat(status(order)).isEqualTo("CANCELLED");
        assertThat(world.pakasir.transaction(order).status()).isEqualTo("canceled");
        assertThat(available(product)).isEqualTo(1);
        assertThat(telegramTextsTo(chat)).anyMatch(text -> text.contains(order) && text.contains("dibatalkan"));
    }

    @Test
    void moneyThatArrivesAfterTheOrderExpiredGoesBackToTheBalanceAndTheCustomerIsTold() {
        long product = world.newProduct(PRICE, 1);
        long chat = TelegramUpdates.newChatId();
        world.tap(chat, "pay:q:" + product + ":1");
        world.deliverWhile(queue -> true);
        String order = orderOf(chat);
        long amount = world.pakasir.transaction(order).amount();
        world.timePasses(Duration.ofMinutes(20));
        world.deliverWhile(queue -> true);
        assertThat(status(order)).isEqualTo("EXPIRED");

        // The bank settles a payment started just before the code was cancelled.
        world.pakasir.markPaid(order);
        world.callback(order, amount, "completed", "2026-11-26T10:09:59+07:00");
        world.settle();

        assertThat(status(order)).isEqualTo("REFUNDED");
        assertThat(balance(chat)).isEqualTo(amount);
        assertThat(telegramTextsTo(chat)).anyMatch(text -> text.contains(Rupiah.format(amount)) && text.contains("saldo"));
        assertThat(SagaInvariants.check(world, product, 1, List.of(chat))).isEmpty();
    }

    @Test
    void anOrderWhoseStockAnswerIsLostIsCancelledAfterThePendingTimeoutAndItsStockComesBack() {
        long product = world.newProduct(PRICE, 1);
        long chat = TelegramUpdates.newChatId();
        world.tap(chat, "pay:q:" + product + ":1");
        world.deliverWhile(queue -> !queue.startsWith("order-saga|"));
        String order = orderOf(chat);
        world.loseHead("order-saga|delivery.events|" + order);
        assertThat(status(order)).isEqualTo("PENDING");

        world.timePasses(Duration.ofMinutes(6));
        world.settle();

        assertThat(status(order)).isEqualTo("CANCELLED");
        assertThat(available(product)).isEqualTo(1);
        assertThat(world.paymentDb().sql("SELECT count(*) FROM payments WHERE id = :id").param("id", order)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anOrderWhosePaymentRequestIsLostAsksPaymentAgainAndEndsCancelled() {
        long product = world.newProduct(PRICE, 1);
        long chat = TelegramUpdates.newChatId();
        world.tap(chat, "pay:q:" + product + ":1");
        world.deliverWhile(queue -> !queue.startsWith("payment|"));
        String order = orderOf(chat);
        world.loseHead("payment|payment.commands|" + order);
        assertThat(status(order)).isEqualTo("AWAITING_PAYMENT");

        world.timePasses(Duration.ofMinutes(31));
        world.settle();

        assertThat(status(order)).isEqualTo("CANCELLED");
        assertThat(available(product)).isEqualTo(1);
    }

    @Test
    void anOrderFullyCoveredByAVoucherIsDeliveredWithoutAnyPayment() {
        long product = world.newProduct(PRICE, 1);
        long chat = TelegramUpdates.newChatId();
        String voucher = world.freeVoucher();
        world.tap(chat, "pay:q:" + product + ":1:" + voucher);
        world.settle();
        String order = orderOf(chat);

        assertThat(status(order)).isEqualTo("COMPLETED");
        assertThat(delivered(order)).isTrue();
        assertThat(world.pakasir.transaction(order)).as("no QRIS for a zero bill").isNull();
        assertThat(world.deadLetters).isEmpty();
        assertThat(telegramTextsTo(chat)).anyMatch(text -> text.contains(order) && text.contains("voucher"));
    }

    @Test
    void theOrderScreenShowsPakasirsFeeAndTotalBill() {
        long product = world.newProduct(PRICE, 1);
        long chat = TelegramUpdates.newChatId();
        world.tap(chat, "pay:q:" + product + ":1");
        world.deliverWhile(queue -> true);
        String order = orderOf(chat);
        FakePakasir.Transaction qr = world.pakasir.transaction(order);

        world.tap(chat, "o:" + order);
        world.deliverWhile(queue -> true);

        assertThat(telegramTextsTo(chat)).anyMatch(text -> text.contains("Subtotal: " + Rupiah.format(PRICE))
                && text.contains("Biaya pembayaran: " + Rupiah.format(qr.totalPayment() - qr.amount()))
                && text.contains("Total tagihan: " + Rupiah.format(qr.totalPayment())));
    }

    private static String orderOf(long chat) {
        return world.orderDb().sql("SELECT id FROM orders WHERE user_id = :user ORDER BY created_at DESC LIMIT 1")
                .param("user", chat).query(String.class).single();
    }

    private static String status(String order) {
        return world.orderDb().sql("SELECT status FROM orders WHERE id = :id").param("id", order).query(String.class).single();
    }

    private static boolean delivered(String order) {
        return world.deliveryDb().sql("SELECT count(*) FROM reservations WHERE order_id = :id AND status = 'DELIVERED'")
                .param("id", order).query(Long.class).single() == 1;
    }

    private static long available(long product) {
        return world.deliveryDb().sql("SELECT count(*) FROM inventory_items WHERE product_id = :p AND status = 'AVAILABLE'")
                .param("p", product).query(Long.class).single();
    }

    private static long balance(long user) {
        return world.paymentDb().sql("SELECT COALESCE((SELECT balance FROM wallet_balances WHERE user_id = :u), 0)")
                .param("u", user).query(Long.class).single();
    }

    /** The texts and captions order-service asked the notifier to send to {@code chat}. */
    private static List<String> telegramTextsTo(long chat) {
        return world.published.stream()
                .map(com.quickcart.common.messaging.EventCodec::decode)
                .filter(e -> e.type().equals("BotApiCall") && e.key().equals(Long.toString(chat)))
                .map(e -> e.payload().path("body").path("text").asText(e.payload().path("body").path("caption").asText("")))
                .toList();
    }
}
