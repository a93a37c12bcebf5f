package com.quickcart.order.checkout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Every order ends within a bounded time, even when an event on its way was lost to a dead-letter
 * topic: an order still reserving after the pending timeout is cancelled (no payment exists yet),
 * and one still unpaid after the payment timeout asks payment-service to stop collecting, again
 * every retry interval until it answers. Each order is handled in its own transaction, and the
 * guarded moves make a second instance sweeping at the same time harmless.
 */
@Component
public class OrderTimeouts {

    private static final Logger log = LoggerFactory.getLogger(OrderTimeouts.class);
    private static final int BATCH = 100;

    private final Orders orders;
    private final OrderSaga saga;
    private final TransactionTemplate tx;
    private final OrderTimeoutProperties properties;
    private final Clock clock = Clock.systemUTC();

    public OrderTimeouts(Orders orders, OrderSaga saga, TransactionTemplate tx, OrderTimeoutProperties properties) {
        this.orders = orders;
        this.saga = saga;
        this.tx = tx;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${quickcart.orders.check-every:30s}", initialDelayString = "${quickcart.orders.check-every:30s}")
    public void sweep() {
        sweep(Instant.now(clock));
    }

    /** Acts on what has waited too long at {@code now}; tests pass a later instant instead of waiting. */
    public void sweep(Instant now) {
        each(orders.waitingSince(OrderStatus.PENDING, now.minus(properties.pendingTimeout()), BATCH), saga::pendingTimedOut);
        each(orders.waitingSince(OrderStatus.AWAITING_PAYMENT, now.minus(properties.paymentTimeout()), BATCH),
                id -> saga.paymentTimedOut(id, now));
        each(orders.waitingSince(OrderStatus.CANCEL_REQUESTED, now.minus(properties.cancelRetry()), BATCH),
                id -> saga.paymentTimedOut(id, now));
    }

    private void each(Iterable<String> ids, Consumer<String> step) {
        for (String id : ids) {
            try {
                tx.executeWithoutResult(status -> step.accept(id));
            } catch (RuntimeException e) {
                // The next sweep tries again; one bad order must not stop the others.
                log.warn("order timeout postponed order_id={}: {}", id, e.toString());
            }
        }
    }
}
