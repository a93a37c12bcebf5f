package com.quickcart.common.messaging.outbox;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.PermanentFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;

/**
 * Records an event in the same JDBC transaction as the state change it describes; the
 * {@link OutboxRelay} publishes it after commit. Business code never talks to Kafka.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final Runnable wakeRelay;
    private final int maxEventBytes;

    public Outbox(JdbcClient jdbc, Runnable wakeRelay, int maxEventBytes) {
        this.jdbc = jdbc;
        this.wakeRelay = wakeRelay;
        this.maxEventBytes = maxEventBytes;
    }

    public void append(String topic, EventEnvelope envelope) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Without a transaction the row and the state change could part ways: refuse loudly.
            throw new IllegalStateException("Outbox.append must run inside the transaction of the state change");
        }
        String encoded = EventCodec.encodeToString(envelope);
        int bytes = encoded.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxEventBytes) {
            // Refused here, with the state change, rather than accepted and then refused by Kafka
            // at the head of the outbox. Permanent: the record that asked for it is dead-lettered.
            throw new PermanentFailure("event " + envelope.type() + " for key " + envelope.key() + " is " + bytes
                    + " bytes, over the " + maxEventBytes + " a Kafka record may carry", null);
        }
        jdbc.sql("""
                        INSERT INTO outbox (event_id, topic, event_key, event_type, envelope)
                        VALUES (:eventId, :topic, :key, :type, :envelope)
                        """)
                .param("eventId", envelope.eventId())
                .param("topic", topic)
                .param("key", envelope.key())
                .param("type", envelope.type())
                .param("envelope", encoded)
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeRelay.run();
            }
        });
    }
}
