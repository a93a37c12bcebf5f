package com.quickcart.payment.messaging;

import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.payment.PaymentServiceApplication;
import com.quickcart.payment.gateway.PakasirGateway;
import com.quickcart.payment.payments.ExpirySweep;
import com.quickcart.payment.payments.PakasirWork;
import com.quickcart.payment.wallet.Wallet;
import com.quickcart.testsupport.FakePakasir;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Pakasir's webhook is unsigned and public: anyone can post callbacks, each with a new
 * {@code completed_at} (so a new event id). They must never cost Pakasir calls that stall
 * checkouts or trip the circuit breaker for every customer.
 */
@SpringBootTest(classes = PaymentServiceApplication.class, properties = "spring.config.name=payment-service")
class PakasirCallbacksTest {

    private static final String DETAIL = "/api/transactiondetail";
    private static final FakePakasir pakasir = new FakePakasir();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PaymentServiceWorld.environment(pakasir).forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void stopPakasir() {
        pakasir.close();
    }

    @Autowired PaymentListener listener;
    @Autowired PakasirGateway gateway;
    @Autowired ExpirySweep expirySweep;
    @Autowired PakasirWork pakasirWork;
    @Autowired Wallet wallet;
    @Autowired JdbcClient jdbc;

    private final PaymentServiceWorld world = new PaymentServiceWorld();

    @AfterEach
    void healthyPakasir() {
        pakasir.clearFailures();
        pakasir.retryAfter(null);
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.circuitState() == CircuitBreaker.State.CLOSED);
    }

    @Test
    void aHundredForgedCallbacksForAPaidOrderCostNoDetailCall() {
        String order = qrisCheckout(25_000);
        pakasir.markPaid(order);
        listener.on(world.callback(order, 25_000, "2026-11-26T10:00:00+07:00"));
        assertThat(PaymentServiceWorld.status(jdbc, order)).isEqualTo("PAID");
        long detailCalls = pakasir.callCount(DETAIL);

        for (int i = 0; i < 100; i++) {
            listener.on(world.callback(order, 25_000, "2026-11-26T10:00:00." + i + "+07:00"));
        }

        assertThat(pakasir.callCount(DETAIL)).isEqualTo(detailCalls);
        assertThat(PaymentServiceWorld.published(jdbc, order)).containsOnlyOnce("PaymentSucceeded");
        String next = qrisCheckout(30_000);
        assertThat(PaymentServiceWorld.published(jdbc, next)).as("a checkout after the flood gets its QR").containsExactly("PaymentPending");
    }

    @Test
    void callbacksForOnePendingOrderShareOneDetailCall() {
        String order = qrisCheckout(40_000);
        long before = pakasir.callCount(DETAIL);

        for (int i = 0; i < 20; i++) {
            listener.on(world.callback(order, 40_000, "2026-11-26T10:00:0" + (i % 10) + "." + i + "+07:00"));
        }

        assertThat(pakasir.callCount(DETAIL) - before).isEqualTo(1);
        assertThat(PaymentServiceWorld.status(jdbc, order)).isEqualTo("PENDING");
    }

    @Test
    void aGenuineCallbackInsideTheWindowOfAForgedOneIsSettledOnceTheWindowPasses() {
        String order = qrisCheckout(45_000);
        listener.on(world.callback(order, 45_000, "2026-11-26T09:00:00+07:00")); // forged: not paid yet
        pakasir.markPaid(order);

        listener.on(world.callback(order, 45_000, "2026-11-26T10:00:00+07:00"));
        assertThat(PaymentServiceWorld.status(jdbc, order)).as("inside the window: no second detail call yet").isEqualTo("PENDING");
        pakasirWork.sweep(Instant.now().plusSeconds(60));

        assertThat(PaymentServiceWorld.status(jdbc, order)).isEqualTo("PAID");
        assertThat(PaymentServiceWorld.published(jdbc, order)).containsOnlyOnce("PaymentSucceeded");
    }

    @Test
    void forgedCallbacksForAnExpiredPaymentCostAtMostOneDetailCallPerIntervalAndLateMoneyIsStillRefunded() {
        long buyer = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        String order = qrisCheckout(buyer, 50_000);
        Instant expiry = Instant.now().plus(Duration.ofMinutes(11));
        expirySweep.sweep(expiry);
        assertThat(PaymentServiceWorld.status(jdbc, order)).isEqualTo("EXPIRED");
        long afterExpiry = pakasir.callCount(DETAIL);

        // The bank settles a payment started just before the code was cancelled; the real callback
        // drowns among forged ones.
        pakasir.markPaid(order);
        for (int i = 0; i < 50; i++) {
            listener.on(world.callback(order, 50_000, "2026-11-26T10:09:" + (10 + i) + "+07:00"));
        }
        assertThat(pakasir.callCount(DETAIL)).as("the expiry's own check answers them for now").isEqualTo(afterExpiry);

        pakasirWork.sweep(expiry.plus(Duration.ofMinutes(6)));
        pakasirWork.sweep(expiry.plus(Duration.ofMinutes(7)));

        assertThat(pakasir.callCount(DETAIL) - afterExpiry).isEqualTo(1);
        assertThat(PaymentServiceWorld.status(jdbc, order)).isEqualTo("REFUNDED");
        assertThat(wallet.balance(buyer)).isEqualTo(50_000).isEqualTo(wallet.ledgerSum(buyer));
        assertThat(PaymentServiceWorld.published(jdbc, order)).containsOnlyOnce("PaymentRefunded");
    }

    @Test
    void pakasirAnswering429IsBackPressureNotAnOutage() {
        pakasir.retryAfter(Duration.ZERO);
        pakasir.failNext(DETAIL, 6, 429);
        long before = pakasir.callCount(DETAIL);

        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> gateway.detail("QC-BUSY000000", 1_000)).isInstanceOf(PakasirGateway.GatewayUnavailable.class);
        }

        assertThat(pakasir.callCount(DETAIL) - before).as("a 429 is not retried at once").isEqualTo(6);
        assertThat(gateway.circuitState()).as("QRIS stays open for every other customer").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void noCallLeavesBeforePakasirsRetryAfterHasPassed() {
        String order = qrisCheckout(35_000);
        pakasir.markPaid(order);
        pakasir.retryAfter(Duration.ofSeconds(3));
        pakasir.failNext(DETAIL, 1, 429);
        long before = pakasir.callCount(DETAIL);

        listener.on(world.callback(order, 35_000, "2026-11-26T10:00:00+07:00"));
        assertThat(pakasir.callCount(DETAIL) - before).isEqualTo(1);
        pakasirWork.sweep(Instant.now().plusSeconds(60));
        assertThat(pakasir.callCount(DETAIL) - before).as("asked to wait: nothing sent").isEqualTo(1);
        assertThat(PaymentServiceWorld.status(jdbc, order)).isEqualTo("PENDING");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            pakasirWork.sweep(Instant.now().plusSeconds(60));
            return PaymentServiceWorld.status(jdbc, order).equals("PAID");
        });
        assertThat(pakasir.callCount(DETAIL) - before).isEqualTo(2);
        assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private String qrisCheckout(long amount) {
        return qrisCheckout(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), amount);
    }

    private String qrisCheckout(long buyer, long amount) {
        String order = PaymentServiceWorld.newOrderId();
        listener.on(world.paymentRequested(order, PaymentMethod.QRIS, buyer, amount));
        assertThat(PaymentServiceWorld.published(jdbc, order)).containsExactly("PaymentPending");
        return order;
    }
}
