package com.quickcart.e2e;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.quickcart.payment.PaymentServiceApplication;
import com.quickcart.payment.gateway.PakasirGateway;
import com.quickcart.payment.wallet.Wallet;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.TelegramUpdates;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The money path, driven only by Telegram update JSON and Pakasir callback JSON, observed at the fake Bot API. */
class CheckoutEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Pattern ORDER_ID = Pattern.compile("(QC-[0-9A-Z]{10})");
    private static Cluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = Cluster.shared();
    }

    @Test
    void aQrisPurchaseGoesFromTapToGoodsWithTheQrCodeShowingPakasirsTotal() throws Exception {
        long product = cluster.newProduct("Netflix Uji", 45_000, 3);
        long buyer = TelegramUpdates.newChatId();

        cluster.tap(buyer, "pay:q:" + product + ":2");

        BotCall qr = cluster.awaitCall(buyer, c -> c.method().equals("sendPhoto"));
        String orderId = orderIdIn(qr.text());
        var transaction = cluster.pakasir.transaction(orderId);
        assertThat(transaction.amount()).isEqualTo(90_000);
        assertThat(qr.text()).contains("Rp 90.940").contains("Rp 90.000"); // Pakasir's total: 90.000 + 0.7 % + 310
        assertThat(decodeQr(qr.file("photo"))).contains(orderId);
        assertThat(qr.buttons()).contains("✖ Cancel order|cancel:" + orderId);

        cluster.pakasir.markPaid(orderId);
        assertThat(cluster.postPakasir(cluster.pakasir.webhookBody(orderId)).statusCode()).isEqualTo(200);

        BotCall goods = cluster.awaitCall(buyer, c -> c.method().equals("sendMessage") && c.text().contains("KEY-" + product));
        assertThat(goods.text().lines().filter(l -> l.startsWith("KEY-" + product)).count()).as("items delivered").isEqualTo(2);
        await().atMost(WAIT).until(() -> cluster.orderStatus(orderId).equals("COMPLETED"));
        assertThat(cluster.stockShown(product)).isEqualTo(1);
    }

    @Test
    void aBalancePurchaseDebitsTheLedgerOnceAndDeliversAtOnce() {
        long product = cluster.newProduct("Spotify Uji", 25_000, 2);
        long buyer = TelegramUpdates.newChatId();
        cluster.tap(buyer, "m");
        cluster.credit(buyer, 60_000);

        cluster.tap(buyer, "pay:b:" + product + ":1");

        cluster.awaitCall(buyer, c -> c.text().contains("KEY-" + product));
        await().atMost(WAIT).until(() -> cluster.balanceShown(buyer) == 35_000);
        Wallet wallet = cluster.bean(PaymentServiceApplication.class, Wallet.class);
        assertThat(wallet.balance(buyer)).isEqualTo(35_000).isEqualTo(wallet.ledgerSum(buyer));
    }

    @Test
    void aBalanceTooShortFailsThePaymentAndReleasesTheStock() {
        long product = cluster.newProduct("Canva Uji", 15_000, 1);
        long buyer = TelegramUpdates.newChatId();

        cluster.tap(buyer, "pay:b:" + product + ":1");

        assertThat(cluster.awaitCall(buyer, c -> c.text().contains("balance is not enough")).buttons())
                .anyMatch(b -> b.endsWith("buy:" + product + ":1"));
        await().atMost(WAIT).until(() -> cluster.stockShown(product) == 1);
    }

    @Test
    void aDepositIsCreditedExactlyOnceEvenWhenPakasirCallsBackTwice() {
        long user = TelegramUpdates.newChatId();

        cluster.tap(user, "dep:25000");

        BotCall qr = cluster.awaitCall(user, c -> c.method().equals("sendPhoto"));
        Matcher id = Pattern.compile("(DP-[0-9A-Z]{10})").matcher(qr.text());
        assertThat(id.find()).isTrue();
        cluster.pakasir.markPaid(id.group(1));
        cluster.postPakasir(cluster.pakasir.webhookBody(id.group(1)));
        cluster.postPakasir(cluster.pakasir.webhookBody(id.group(1)));

        cluster.awaitCall(user, c -> c.text().contains("Rp 25.000 was added to your balance"));
        await().atMost(WAIT).until(() -> cluster.balanceShown(user) == 25_000);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).until(() -> cluster.balanceShown(user) == 25_000);
        assertThat(cluster.bean(PaymentServiceApplication.class, Wallet.class).ledgerSum(user)).isEqualTo(25_000);
        assertThat(cluster.botApi.calls("sendMessage", user)).filteredOn(c -> c.text().contains("added to your balance")).hasSize(1);
    }

    @Test
    void anUnpaidOrderExpiresWithItsPaymentAndTheStockComesBack() {
        long product = cluster.newProduct("Steam Uji", 62_000, 2);
        long buyer = TelegramUpdates.newChatId();
        cluster.pakasir.validity(Duration.ofSeconds(1));
        try {
            cluster.tap(buyer, "pay:q:" + product + ":2");
            String orderId = orderIdIn(cluster.awaitCall(buyer, c -> c.method().equals("sendPhoto")).text());

            cluster.awaitCall(buyer, c -> c.text().contains("expired before it was paid"));
            assertThat(cluster.orderStatus(orderId)).isEqualTo("EXPIRED");
            await().atMost(WAIT).until(() -> cluster.stockShown(product) == 2);
            assertThat(cluster.pakasir.transaction(orderId).status()).isEqualTo("canceled");
        } finally {
            cluster.pakasir.validity(Duration.ofMinutes(10));
        }
    }

    @Test
    void forgedCallbacksChangeNothing() {
        long product = cluster.newProduct("Office Uji", 175_000, 1);
        long buyer = TelegramUpdates.newChatId();
        cluster.tap(buyer, "pay:q:" + product + ":1");
        String orderId = orderIdIn(cluster.awaitCall(buyer, c -> c.method().equals("sendPhoto")).text());
        var genuine = cluster.pakasir.webhookBody(orderId).put("status", "completed");

        cluster.postPakasir(genuine.deepCopy().put("order_id", "QC-UNKNOWN0000"));   // no such order
        cluster.postPakasir(genuine.deepCopy().put("amount", 1_000));                // wrong amount
        cluster.postPakasir(genuine);                                                 // Pakasir says: still pending

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8)).until(() -> cluster.orderStatus(orderId).equals("AWAITING_PAYMENT"));
        assertThat(cluster.botApi.calls("sendMessage", buyer).stream().anyMatch(c -> c.text().contains("KEY-" + product)))
                .as("goods sent for a forged callback").isFalse();
        assertThat(cluster.pakasir.callCount("/api/transactiondetail")).isPositive();
    }

    @Test
    void aHundredForgedCallbacksForAPaidOrderCostNoPakasirCallWhileAnotherCustomerChecksOut() {
        long product = cluster.newProduct("Flood Uji", 20_000, 2);
        long payer = TelegramUpdates.newChatId();
        cluster.tap(payer, "pay:q:" + product + ":1");
        String paid = orderIdIn(cluster.awaitCall(payer, c -> c.method().equals("sendPhoto")).text());
        cluster.pakasir.markPaid(paid);
        cluster.postPakasir(cluster.pakasir.webhookBody(paid));
        await().atMost(WAIT).until(() -> cluster.orderStatus(paid).equals("COMPLETED"));
        long detailCalls = cluster.pakasir.callCount("/api/transactiondetail");
        long callbacksHandled = callbacksHandledByPayment();

        long buyer = TelegramUpdates.newChatId();
        cluster.tap(buyer, "pay:q:" + product + ":1");
        for (int i = 0; i < 100; i++) {
            // Each body differs in completed_at, so each is a new event to the inbox.
            var forged = cluster.pakasir.webhookBody(paid).put("completed_at", "2026-11-26T10:00:00." + i + "+07:00");
            assertThat(cluster.postPakasir(forged).statusCode()).isEqualTo(200);
        }

        cluster.awaitCall(buyer, c -> c.method().equals("sendPhoto"));
        await().atMost(WAIT).until(() -> callbacksHandledByPayment() - callbacksHandled >= 100);
        assertThat(cluster.pakasir.callCount("/api/transactiondetail")).isEqualTo(detailCalls);
        assertThat(cluster.botApi.calls("sendMessage", payer)).filteredOn(c -> c.text().contains("KEY-" + product)).hasSize(1);
    }

    /** Callbacks payment-service has taken from Kafka (its inbox), forged or not. */
    private static long callbacksHandledByPayment() {
        return cluster.paymentDb().sql("SELECT count(*) FROM processed_events WHERE consumer = 'payment' AND event_type = 'PakasirCallbackReceived'")
                .query(Long.class).single();
    }

    @Test
    void pakasirFailingOpensTheCircuitAndTheCustomerIsToldToRetryOrPayByBalance() {
        long product = cluster.newProduct("VPN Uji", 35_000, 5);
        cluster.pakasir.failNext("/api/transactioncreate/qris", 100, 500);
        CircuitBreaker.State state;
        try {
            for (int i = 0; i < 2; i++) {
                long buyer = TelegramUpdates.newChatId();
                cluster.tap(buyer, "pay:q:" + product + ":1");
                assertThat(cluster.awaitCall(buyer, c -> c.text().contains("QRIS payment is unavailable right now")).buttons())
                        .anyMatch(b -> b.endsWith("buy:" + product + ":1"));
            }
            state = cluster.bean(PaymentServiceApplication.class, PakasirGateway.class).circuitState();
            long callsWhileOpen = cluster.pakasir.callCount("/api/transactioncreate/qris");
            long third = TelegramUpdates.newChatId();
            cluster.tap(third, "pay:q:" + product + ":1");
            cluster.awaitCall(third, c -> c.text().contains("QRIS payment is unavailable right now"));

            assertThat(state).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(cluster.pakasir.callCount("/api/transactioncreate/qris")).isEqualTo(callsWhileOpen);
            var meters = cluster.bean(PaymentServiceApplication.class, io.micrometer.core.instrument.MeterRegistry.class);
            assertThat(meters.find("quickcart.pakasir.calls").tag("operation", "create").tag("outcome", "circuit_open").counter())
                    .as("refusals while open are visible to the SRE").isNotNull()
                    .extracting(io.micrometer.core.instrument.Counter::count).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.DOUBLE)
                    .isGreaterThanOrEqualTo(1.0);
            await().atMost(WAIT).until(() -> cluster.stockShown(product) == 5);
            assertThat(cluster.orderDb().sql("SELECT count(*) FROM orders WHERE product_id = :p AND status <> 'CANCELLED'")
                    .param("p", product).query(Long.class).single()).isZero();
        } finally {
            cluster.pakasir.clearFailures();
            awaitPakasirCircuitClosed();
        }
    }

    @Test
    void aSlowPakasirTimesOutInsteadOfHangingTheCheckout() {
        long product = cluster.newProduct("Slow Uji", 10_000, 1);
        long buyer = TelegramUpdates.newChatId();
        cluster.pakasir.delay(Duration.ofMillis(1_500));
        try {
            cluster.tap(buyer, "pay:q:" + product + ":1");
            cluster.awaitCall(buyer, c -> c.text().contains("QRIS payment is unavailable right now"));
        } finally {
            cluster.pakasir.delay(Duration.ZERO);
            awaitPakasirCircuitClosed();
        }
        await().atMost(WAIT).until(() -> cluster.stockShown(product) == 1);
    }

    @Test
    void aCustomerCancelsAPendingOrderAndTheItemsGoBack() {
        long product = cluster.newProduct("Disney Uji", 30_000, 1);
        long buyer = TelegramUpdates.newChatId();
        cluster.tap(buyer, "pay:q:" + product + ":1");
        String orderId = orderIdIn(cluster.awaitCall(buyer, c -> c.method().equals("sendPhoto")).text());

        cluster.tap(buyer, "cancel:" + orderId);

        cluster.awaitCall(buyer, c -> c.text().contains("Order " + orderId + " is cancelled"));
        await().atMost(WAIT).until(() -> cluster.stockShown(product) == 1);
        await().atMost(WAIT).until(() -> cluster.pakasir.transaction(orderId).status().equals("canceled"));
    }

    @Test
    void vouchersApplyOrGiveTheExactReason() {
        long product = cluster.newProduct("Voucher Uji", 50_000, 3);
        var db = cluster.orderDb();
        db.sql("""
                INSERT INTO vouchers (code, kind, value, min_purchase, total_uses, used, valid_from, valid_until) VALUES
                  ('UJI10', 'PERCENT', 10, 20000, 100, 0, now() - interval '1 day', now() + interval '1 day'),
                  ('MAHAL', 'FIXED', 5000, 999000, 100, 0, now() - interval '1 day', now() + interval '1 day'),
                  ('BASI', 'FIXED', 5000, 0, 100, 0, now() - interval '2 day', now() - interval '1 day'),
                  ('NANTI', 'FIXED', 5000, 0, 100, 0, now() + interval '1 day', now() + interval '2 day'),
                  ('HABIS', 'FIXED', 5000, 0, 1, 1, now() - interval '1 day', now() + interval '1 day')
                """).update();
        long buyer = TelegramUpdates.newChatId();

        assertThat(voucherReply(buyer, product, "NOPE")).contains("does not exist");
        assertThat(voucherReply(buyer, product, "MAHAL")).contains("at least Rp 999.000");
        assertThat(voucherReply(buyer, product, "BASI")).contains("has expired");
        assertThat(voucherReply(buyer, product, "NANTI")).contains("not valid yet");
        assertThat(voucherReply(buyer, product, "HABIS")).contains("used up");
        BotCall applied = voucherCall(buyer, product, "uji10");
        assertThat(applied.text()).contains("Voucher UJI10: −Rp 5.000", "Total: Rp 45.000");

        cluster.tap(buyer, "pay:q:" + product + ":1:UJI10");
        String orderId = orderIdIn(cluster.awaitCall(buyer, c -> c.method().equals("sendPhoto")).text());
        assertThat(cluster.pakasir.transaction(orderId).amount()).isEqualTo(45_000);
        assertThat(voucherReply(buyer, product, "UJI10")).contains("already used");
    }

    @Test
    void fiftyBuyersForTenItemsEndWithExactlyTenDeliveredAndNoneTwice() {
        long product = cluster.newProduct("Langka Uji", 20_000, 10);
        List<Long> buyers = java.util.stream.LongStream.range(0, 50).map(i -> TelegramUpdates.newChatId()).boxed().toList();

        buyers.parallelStream().forEach(buyer -> cluster.tap(buyer, "pay:q:" + product + ":1"));

        await().atMost(Duration.ofSeconds(90)).until(() -> buyers.stream().allMatch(b -> cluster.botApi.calls().stream()
                .anyMatch(c -> c.chatId() == b && (c.method().equals("sendPhoto") || c.text().toLowerCase().contains("sold out")))));
        List<String> paying = buyers.stream().flatMap(b -> cluster.botApi.calls("sendPhoto", b).stream())
                .map(c -> orderIdIn(c.text())).toList();
        assertThat(paying).hasSize(10);
        paying.forEach(orderId -> {
            cluster.pakasir.markPaid(orderId);
            cluster.postPakasir(cluster.pakasir.webhookBody(orderId));
        });

        await().atMost(Duration.ofSeconds(90)).until(() -> cluster.botApi.calls().stream()
                .filter(c -> c.text().contains("KEY-" + product + "-")).count() == 10);
        List<String> delivered = cluster.botApi.calls().stream().filter(c -> c.text().contains("KEY-" + product + "-"))
                .flatMap(c -> c.text().lines().filter(l -> l.startsWith("KEY-"))).toList();
        // Counts, not contents: a failure report must not print goods.
        assertThat(delivered.size()).as("items delivered").isEqualTo(10);
        assertThat(delivered.stream().distinct().count()).as("distinct items delivered").isEqualTo(10);
        assertThat(cluster.deliveryDb().sql("SELECT status, count(*) FROM inventory_items WHERE product_id = :p GROUP BY status")
                .param("p", product).query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list()).containsExactly("DELIVERED=10");
        await().atMost(WAIT).until(() -> cluster.stockShown(product) == 0);
    }

    @Test
    void orderHistoryShowsTheOrderAndResendsItsGoods() {
        long product = cluster.newProduct("History Uji", 12_000, 1);
        long buyer = TelegramUpdates.newChatId();
        cluster.credit(buyer, 12_000);
        cluster.tap(buyer, "pay:b:" + product + ":1");
        cluster.awaitCall(buyer, c -> c.text().contains("KEY-" + product));
        String orderId = cluster.orderDb().sql("SELECT id FROM orders WHERE user_id = :u").param("u", buyer).query(String.class).single();
        await().atMost(WAIT).until(() -> cluster.orderStatus(orderId).equals("COMPLETED"));

        cluster.tap(buyer, "o:" + orderId);
        assertThat(cluster.awaitCall(buyer, c -> c.text().contains("Order " + orderId + "\n")).buttons()).contains("📨 Send my goods again|rs:" + orderId);
        cluster.tap(buyer, "rs:" + orderId);

        cluster.awaitCall(buyer, c -> c.text().startsWith("🎁 Again, order " + orderId));
        cluster.tap(buyer, "ht:0");
        assertThat(cluster.awaitCall(buyer, c -> c.text().contains("Your transactions")).text()).contains("Purchase", "−Rp 12.000", orderId);
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** After a failure test: wait out the open circuit and close it with a harmless call, so later tests see a healthy Pakasir. */
    private static void awaitPakasirCircuitClosed() {
        PakasirGateway gateway = cluster.bean(PaymentServiceApplication.class, PakasirGateway.class);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                gateway.detail("QC-PROBE00000", 1);
            } catch (RuntimeException expected) {
                // 404 for the unknown probe is an answer: it counts as a healthy call.
            }
            return gateway.circuitState() == CircuitBreaker.State.CLOSED;
        });
    }

    private String voucherReply(long buyer, long product, String code) {
        return voucherCall(buyer, product, code).text();
    }

    private BotCall voucherCall(long buyer, long product, String code) {
        int before = cluster.botApi.calls().size();
        cluster.tap(buyer, "vch:" + product + ":1");
        cluster.awaitCall(buyer, c -> c.text().contains("Send your voucher code"), before);
        int prompted = cluster.botApi.calls().size();
        cluster.say(buyer, code);
        return cluster.awaitCall(buyer, c -> c.text().contains("⚠") || c.text().contains("Order summary"), prompted);
    }




    private static String orderIdIn(String text) {
        Matcher matcher = ORDER_ID.matcher(text);
        assertThat(matcher.find()).as("an order id in: " + text).isTrue();
        return matcher.group(1);
    }

    private static String decodeQr(byte[] png) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
    }
}
