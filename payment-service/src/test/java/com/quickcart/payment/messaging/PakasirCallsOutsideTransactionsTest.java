package com.quickcart.payment.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.events.pakasir.PakasirCallbackReceived;
import com.quickcart.common.events.payment.PaymentRequested;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.payment.PaymentServiceApplication;
import com.quickcart.payment.gateway.PakasirGateway;
import com.quickcart.payment.payments.PakasirWork;
import com.quickcart.payment.payments.PaymentProcessing;
import com.quickcart.payment.payments.Payments;
import com.quickcart.payment.wallet.Wallet;
import com.quickcart.testsupport.FakePakasir;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No database connection or row lock is held while Pakasir answers, and a crash between
 * Pakasir's answer and its record is resolved by the next attempt, with each effect once.
 */
@SpringBootTest(classes = PaymentServiceApplication.class, properties = "spring.config.name=payment-service")
class PakasirCallsOutsideTransactionsTest {

    private static final int POOL = 3;
    private static final String CREATE = "/api/transactioncreate/qris";
    private static final FakePakasir pakasir = new FakePakasir();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PaymentServiceWorld.environment(pakasir).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("DATABASE_POOL_SIZE", () -> POOL);
    }

    @AfterAll
    static void stopPakasir() {
        pakasir.close();
    }

    @Autowired PaymentListener listener;
    @Autowired PaymentProcessing processing;
    @Autowired PakasirWork pakasirWork;
    @Autowired PakasirGateway gateway;
    @Autowired Payments payments;
    @Autowired Wallet wallet;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;

    private final PaymentServiceWorld world = new PaymentServiceWorld();
    private final EventCodec codec = new EventCodec(Clock.systemUTC());

    @Test
    void aSlowPakasirHoldsNoDatabaseConnectionWhileTwiceThePoolOfCheckoutsWaitForIt() {
        List<String> orders = IntStream.range(0, 2 * POOL + 2).mapToObj(i -> PaymentServiceWorld.newOrderId()).toList();
        long before = pakasir.callCount(CREATE);
        pakasir.delay(Duration.ofSeconds(6));
        try (ExecutorService consumers = Executors.newFixedThreadPool(orders.size())) {
            orders.forEach(order -> consumers.submit(() -> listener.on(world.paymentRequested(order, PaymentMethod.QRIS, buyer(), 20_000))));

            await().atMost(Duration.ofSeconds(4)).until(() -> pakasir.callCount(CREATE) - before == orders.size());
            assertThat(gauge("hikaricp.connections.pending")).as("threads waiting for a connection").isZero();
            assertThat(gauge("hikaricp.connections.active")).isLessThan(POOL);

            long buyer = buyer();
            tx.executeWithoutResult(s -> wallet.credit(buyer, Wallet.EntryType.ADJUSTMENT, 15_000, "test-" + buyer));
            String balanceOrder = PaymentServiceWorld.newOrderId();
            listener.on(world.paymentRequested(balanceOrder, PaymentMethod.BALANCE, buyer, 15_000));
            assertThat(PaymentServiceWorld.status(jdbc, balanceOrder)).as("a balance checkout goes through meanwhile").isEqualTo("PAID");
            assertThat(orders).as("Pakasir has not answered yet").allMatch(order -> PaymentServiceWorld.published(jdbc, order).isEmpty());
        } finally {
            pakasir.delay(Duration.ZERO);
        }
        assertThat(orders).allMatch(order -> PaymentServiceWorld.published(jdbc, order).equals(List.of("PaymentPending")));
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE checking_until IS NOT NULL").query(Long.class).single())
                .as("every claim was released: no payment waits for a lease to run out").isZero();
    }

    @Test
    void aCrashAfterPakasirCreatedTheCodeIsResolvedByTheSweepWithOneCodeShownOnce() {
        String order = PaymentServiceWorld.newOrderId();
        EventEnvelope requested = world.paymentRequested(order, PaymentMethod.QRIS, buyer(), 60_000);
        // The instance committed the request, claimed the call, Pakasir created the code, and the instance died.
        tx.executeWithoutResult(s -> processing.requested(codec.unwrap(requested, PaymentRequested.class)));
        Instant crash = Instant.now();
        payments.claim(order, crash, crash.plus(Duration.ofMinutes(1)));
        gateway.createQris(order, 60_000);
        long creates = pakasir.callCount(CREATE);

        // Kafka redelivers the record to another instance while the lease runs: no second call yet.
        listener.on(requested);
        assertThat(pakasir.callCount(CREATE)).isEqualTo(creates);
        assertThat(PaymentServiceWorld.published(jdbc, order)).isEmpty();

        pakasirWork.sweep(crash.plus(Duration.ofMinutes(2)));
        pakasirWork.sweep(crash.plus(Duration.ofMinutes(3)));

        assertThat(PaymentServiceWorld.published(jdbc, order)).containsExactly("PaymentPending");
        assertThat(jdbc.sql("SELECT qr_string FROM payments WHERE id = :id").param("id", order).query(String.class).single())
                .contains(order).contains(Long.toString(pakasir.transaction(order).totalPayment()));
        assertThat(pakasir.callCount(CREATE) - creates).isEqualTo(1);
    }

    @Test
    void aCrashAfterPakasirConfirmedTheMoneyIsResolvedByTheSweepAndPaysOnce() {
        String order = PaymentServiceWorld.newOrderId();
        listener.on(world.paymentRequested(order, PaymentMethod.QRIS, buyer(), 70_000));
        pakasir.markPaid(order);
        // The callback committed, the instance claimed the check, Pakasir said completed, and the instance died.
        EventEnvelope callback = world.callback(order, 70_000, "2026-11-26T10:00:00+07:00");
        tx.executeWithoutResult(s -> processing.callback(codec.unwrap(callback, PakasirCallbackReceived.class)));
        Instant crash = Instant.now();
        payments.claim(order, crash, crash.plus(Duration.ofMinutes(1)));
        gateway.detail(order, 70_000);

        pakasirWork.runFor(order, crash.plusSeconds(1));
        assertThat(PaymentServiceWorld.status(jdbc, order)).as("the lease holds off a second check").isEqualTo("PENDING");

        pakasirWork.sweep(crash.plus(Duration.ofMinutes(2)));
        pakasirWork.sweep(crash.plus(Duration.ofMinutes(3)));

        assertThat(PaymentServiceWorld.status(jdbc, order)).isEqualTo("PAID");
        assertThat(PaymentServiceWorld.published(jdbc, order)).containsExactly("PaymentPending", "PaymentSucceeded");
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private static long buyer() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }
}
