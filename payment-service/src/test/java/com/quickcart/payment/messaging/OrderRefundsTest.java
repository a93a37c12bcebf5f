package com.quickcart.payment.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.events.payment.OrderRefundRefused;
import com.quickcart.common.events.payment.OrderRefundRequested;
import com.quickcart.common.events.payment.OrderRefunded;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.payment.PaymentServiceApplication;
import com.quickcart.payment.wallet.Wallet;
import com.quickcart.payment.wallet.Wallet.EntryType;
import com.quickcart.testsupport.FakePakasir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * payment-service judges an operator's refund: at most once per order, never more than the
 * payment took, never for an order that was not paid; the answer says which, and only a refund
 * that was granted reaches the ledger.
 */
@SpringBootTest(classes = PaymentServiceApplication.class, properties = "spring.config.name=payment-service")
class OrderRefundsTest {

    private static final FakePakasir pakasir = new FakePakasir();
    private static final long OPERATOR = 4_242L;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PaymentServiceWorld.environment(pakasir).forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void stopPakasir() {
        pakasir.close();
    }

    @Autowired PaymentListener listener;
    @Autowired Wallet wallet;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    private final PaymentServiceWorld world = new PaymentServiceWorld();
    private final EventCodec codec = new EventCodec(Clock.systemUTC());

    @Test
    void aPartialRefundIsCreditedOnceAndASecondOneOrOneAbovePaidIsRefusedWithTheReason() {
        long user = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        String order = PaymentServiceWorld.newOrderId();
        tx.executeWithoutResult(s -> wallet.credit(user, EntryType.DEPOSIT, 100_000, "DP-" + order));
        listener.on(world.paymentRequested(order, PaymentMethod.BALANCE, user, 45_000));
        assertThat(wallet.balance(user)).isEqualTo(55_000);

        listener.on(refund(order, 45_001));
        OrderRefundRefused above = lastAnswer(order, OrderRefundRefused.class);
        assertThat(above.reason()).isEqualTo(OrderRefundRefused.ABOVE_PAID);
        assertThat(above.paid()).isEqualTo(45_000);
        assertThat(wallet.balance(user)).isEqualTo(55_000);

        EventEnvelope partial = refund(order, 20_000);
        listener.on(partial);
        listener.on(partial);
        OrderRefunded refunded = lastAnswer(order, OrderRefunded.class);
        assertThat(refunded.amount()).isEqualTo(20_000);
        assertThat(refunded.paid()).isEqualTo(45_000);
        assertThat(refunded.balance()).isEqualTo(75_000);
        assertThat(wallet.balance(user)).isEqualTo(75_000).isEqualTo(wallet.ledgerSum(user));
        assertThat(refundEntries(order)).containsExactly(20_000L);
        assertThat(PaymentServiceWorld.status(jdbc, order)).isEqualTo("REFUNDED");

        listener.on(refund(order, 5_000));
        OrderRefundRefused second = lastAnswer(order, OrderRefundRefused.class);
        assertThat(second.reason()).isEqualTo(OrderRefundRefused.ALREADY_REFUNDED);
        assertThat(second.refunded()).isEqualTo(20_000);
        assertThat(refundEntries(order)).containsExactly(20_000L);
        assertThat(wallet.balance(user)).isEqualTo(75_000);
        assertThat(PaymentServiceWorld.published(jdbc, order)).filteredOn("OrderRefunded"::equals).hasSize(1);
    }

    @Test
    void anOrderThatWasNeverPaidHasNothingToRefund() {
        long user = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        String unpaid = PaymentServiceWorld.newOrderId();
        listener.on(world.paymentRequested(unpaid, PaymentMethod.BALANCE, user, 45_000));
        assertThat(PaymentServiceWorld.status(jdbc, unpaid)).as("no balance to pay from").isEqualTo("FAILED");
        listener.on(refund(unpaid, 10_000));
        assertThat(lastAnswer(unpaid, OrderRefundRefused.class).reason()).isEqualTo(OrderRefundRefused.NOT_PAID);

        String unknown = PaymentServiceWorld.newOrderId();
        listener.on(refund(unknown, 10_000));
        assertThat(lastAnswer(unknown, OrderRefundRefused.class).reason()).isEqualTo(OrderRefundRefused.NOT_PAID);
        assertThat(wallet.ledgerSum(user)).isZero();
    }

    private EventEnvelope refund(String order, long amount) {
        return codec.wrap(order, new OrderRefundRequested(order, amount, "akun bermasalah", OPERATOR));
    }

    private <T> T lastAnswer(String order, Class<T> type) {
        List<EventEnvelope> answers = jdbc.sql("SELECT envelope FROM outbox WHERE event_key = :id ORDER BY seq").param("id", order)
                .query(String.class).list().stream().map(EventCodec::decode)
                .filter(e -> e.type().equals("OrderRefunded") || e.type().equals("OrderRefundRefused")).toList();
        assertThat(answers).isNotEmpty();
        return codec.unwrap(answers.getLast(), type);
    }

    private List<Long> refundEntries(String order) {
        return jdbc.sql("SELECT amount FROM wallet_ledger WHERE entry_type = 'REFUND' AND reference = :id").param("id", order)
                .query(Long.class).list();
    }
}
