package com.quickcart.common.messaging.outbox;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.messaging.EventCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event in the same JDBC transaction as the state change it describes; the
 * {@link OutboxRelay} publishes it after commit. Business code never talks to Kafka.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final Runnable wakeRelay;

    public Outbox(JdbcClient jdbc, Runnable wakeRelay) {
        this.jdbc = jdbc;
        this.wakeRelay = wakeRelay;
    }

    public void append(String topic, EventEnvelope envelope) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Without a transaction the row and the state change could part ways: refuse loudly.
            throw new IllegalStateException("Outbox.append must run inside the transaction of the state change");
        }
        jdbc.sql("""
                        INSERT INTO outbox (event_id, topic, event_key, event_type, envelope)
                        VALUES (:eventId, :topic, :key, :type, :envelope)
                        """)
                .param("eventId", envelope.eventId())
                .param("topic", topic)
                .param("key", envelope.key())
                .param("type", envelope.type())
                .param("envelope", EventCodec.encodeToString(envelope))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeRelay.run();
            }
        });
    }
}
