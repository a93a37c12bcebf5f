package com.quickcart.common.messaging.outbox;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.messaging.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows in commit order and deletes them once Kafka acknowledged. One relay
 * per schema works at a time (a transaction-scoped advisory lock), so two instances of a
 * service never reorder a key's events. A crash between send and delete republishes the
 * batch; consumers' inboxes make that harmless.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KafkaOperations<String, EventEnvelope> kafka;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final int batchSize;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaOperations<String, EventEnvelope> kafka,
                       Duration pollInterval, Duration sendTimeout, int batchSize) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.batchSize = batchSize;
    }

    /** Called after a commit that appended rows, so publication does not wait for the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Publishes one batch; returns how many rows left the outbox. */
    public int publishBatch() {
        Integer published = tx.execute(status -> {
            Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox'))")
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            // This transaction only deletes rows Kafka already has. If PostgreSQL lost its commit
            // in a crash, the rows would simply be published again, which the consumers' inboxes
            // make harmless; so it need not wait for the WAL flush. The benchmark showed that wait
            // (one fsync per batch, competing with the listeners' own commits) as a top cost of
            // every service that publishes (bench/results).
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
            List<OutboxRow> rows = jdbc.sql("SELECT seq, topic, event_key, envelope FROM outbox ORDER BY seq LIMIT :limit")
                    .param("limit", batchSize)
                    .query((rs, n) -> new OutboxRow(rs.getLong("seq"), rs.getString("topic"),
                            rs.getString("event_key"), rs.getString("envelope")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<SendResult<String, EventEnvelope>>> acks = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                acks.add(kafka.send(row.topic(), row.key(), EventCodec.decode(row.envelope())));
            }
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // Roll back: the rows stay and the whole batch is sent again later, in order.
                throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
            }
            // Exactly the rows sent, never a range: seq is taken at insert, not at commit, so a
            // transaction that began earlier may commit a lower seq while this batch waits for
            // Kafka. "seq <= last" would delete that row unpublished; listing the rows keeps it
            // for the next batch (published after higher seqs, which only another key can have
            // overtaken: one key's events come from one consumer thread, one transaction at a time).
            jdbc.sql("DELETE FROM outbox WHERE seq IN (:sent)")
                    .param("sent", rows.stream().map(OutboxRow::seq).toList())
                    .update();
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    private void loop() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                int published = publishBatch();
                backoff = pollInterval;
                if (published == batchSize) {
                    continue;
                }
                wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox relay failed, retrying in {} ms: {}", backoff.toMillis(), e.getMessage());
                sleepQuietly(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
    }

    private void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Start after the Kafka producer is usable, stop before it is closed.
        return Integer.MAX_VALUE - 100;
    }

    private record OutboxRow(long seq, String topic, String key, String envelope) {
    }
}
