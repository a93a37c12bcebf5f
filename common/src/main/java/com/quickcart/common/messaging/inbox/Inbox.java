package com.quickcart.common.messaging.inbox;

import com.quickcart.common.events.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Consumer;

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
            int inserted = jdbc.sql("""
                            INSERT INTO processed_events (consumer, event_id, event_type)
                            VALUES (:consumer, :eventId, :type)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("consumer", consumer)
                    .param("eventId", envelope.eventId())
                    .param("type", envelope.type())
                    .update();
            if (inserted == 0) {
                return false;
            }
            effect.accept(envelope);
            return true;
        });
        return Boolean.TRUE.equals(handled);
    }
}
