package com.quickcart.common.messaging.inbox;

import com.quickcart.common.events.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Exactly-once effects on at-least-once delivery: the event id is recorded in the same
 * transaction as the effect, so a redelivered event finds its id and changes nothing.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public Inbox(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Runs {@code effect} in a transaction unless {@code consumer} already handled this event.
     * Returns whether the effect ran. An exception from the effect rolls back the mark too, so
     * the event is retried.
     */
    public boolean handleOnce(String consumer, EventEnvelope envelope, Consumer<EventEnvelope> effect) {
        Boolean handled = tx.execute(status -> {
            if (mark(consumer, envelope) == 0) {
                return false;
            }
            effect.accept(envelope);
            return true;
        });
        return Boolean.TRUE.equals(handled);
    }

    /**
     * For an effect that is a remote call: {@code call} runs outside any transaction (a slow or
     * waiting remote side must not hold a pooled connection or row locks), then the mark and
     * {@code record} (what the call returned) commit together in one short transaction. Returns
     * whether the call ran. The price is at-least-once: a crash after the call and before the
     * commit, or a duplicate delivered concurrently, calls the remote side again.
     */
    public <R> boolean handleOnceCallingOut(String consumer, EventEnvelope envelope, Function<EventEnvelope, R> call,
                                            BiConsumer<EventEnvelope, R> record) {
        if (alreadyHandled(consumer, envelope)) {
            return false;
        }
        R result = call.apply(envelope);
        tx.executeWithoutResult(status -> {
            if (mark(consumer, envelope) > 0) {
                record.accept(envelope, result);
            }
        });
        return true;
    }

    /** {@link #handleOnceCallingOut(String, EventEnvelope, Function, BiConsumer)} for a call that records its own outcome. */
    public boolean handleOnceCallingOut(String consumer, EventEnvelope envelope, Consumer<EventEnvelope> call) {
        return handleOnceCallingOut(consumer, envelope, e -> {
            call.accept(e);
            return null;
        }, (e, nothing) -> {
        });
    }

    private boolean alreadyHandled(String consumer, EventEnvelope envelope) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM processed_events WHERE consumer = :consumer AND event_id = :eventId)")
                .param("consumer", consumer)
                .param("eventId", envelope.eventId())
                .query(Boolean.class).single();
    }

    private int mark(String consumer, EventEnvelope envelope) {
        return jdbc.sql("""
                        INSERT INTO processed_events (consumer, event_id, event_type)
                        VALUES (:consumer, :eventId, :type)
                        ON CONFLICT DO NOTHING
                        """)
                .param("consumer", consumer)
                .param("eventId", envelope.eventId())
                .param("type", envelope.type())
                .update();
    }
}
