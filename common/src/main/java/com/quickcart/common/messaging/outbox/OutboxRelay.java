package com.quickcart.common.messaging.outbox;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.messaging.EventCodec;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
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
 * Publishes outbox rows in commit order and deletes them once Kafka acknowledged; a row Kafka
 * refuses for good (too large, undecodable) is moved to {@code outbox_parked} instead of blocking
 * the rows behind it. One relay
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
    private boolean autoStartup = true;
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
            List<OutboxRow> rows = jdbc.sql("""
                            SELECT seq, event_id, topic, event_key, event_type, envelope FROM outbox ORDER BY seq LIMIT :limit
                            """)
                    .param("limit", batchSize)
                    .query((rs, n) -> new OutboxRow(rs.getLong("seq"), rs.getString("event_id"), rs.getString("topic"),
                            rs.getString("event_key"), rs.getString("event_type"), rs.getString("envelope"), null))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<SendResult<String, EventEnvelope>>> acks = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                acks.add(send(row));
            }
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // Rows Kafka refused for good are set aside so they cannot block the rows behind
                // them forever; any other failure rolls back and the whole batch is sent again
                // later, in order.
                List<OutboxRow> refused = refusedForGood(rows, acks);
                if (refused.isEmpty()) {
                    throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
                }
                refused.forEach(this::park);
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

    private CompletableFuture<SendResult<String, EventEnvelope>> send(OutboxRow row) {
        try {
            return kafka.send(row.topic(), row.key(), EventCodec.decode(row.envelope()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // an envelope that no longer decodes, a refused record
        }
    }

    /** The rows whose send failed for a reason no retry can change; empty if any other row is still unsettled. */
    private static List<OutboxRow> refusedForGood(List<OutboxRow> rows, List<CompletableFuture<SendResult<String, EventEnvelope>>> acks) {
        List<OutboxRow> refused = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CompletableFuture<SendResult<String, EventEnvelope>> ack = acks.get(i);
            if (!ack.isDone()) {
                return List.of();
            }
            if (ack.isCompletedExceptionally()) {
                Throwable cause = ack.exceptionNow();
                if (!isRefusedForGood(cause)) {
                    return List.of();
                }
                refused.add(rows.get(i).refusedBecause(rootCause(cause)));
            }
        }
        return refused;
    }

    private static boolean isRefusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException || cause instanceof InvalidTopicException
                    || cause instanceof SerializationException || cause instanceof EventCodec.MalformedEventException) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /**
     * Moves a refused row to {@code outbox_parked} (same transaction as the batch), loudly: the
     * quickcart_outbox_parked gauge and this log line lead an SRE to the runbook's "Outbox row
     * parked". The envelope is kept for re-queueing but never logged (it may carry goods).
     */
    private void park(OutboxRow row) {
        log.error("outbox row parked: Kafka refuses it for good event_id={} topic={} key={} type={} reason={}",
                row.eventId(), row.topic(), row.key(), row.type(), row.reason());
        jdbc.sql("""
                        INSERT INTO outbox_parked (seq, event_id, topic, event_key, event_type, envelope, created_at, reason)
                        SELECT seq, event_id, topic, event_key, event_type, envelope, created_at, :reason FROM outbox WHERE seq = :seq
                        """)
                .param("reason", row.reason())
                .param("seq", row.seq())
                .update();
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

    /**
     * Off ({@code quickcart.messaging.outbox-relay-auto-startup=false}) when something else
     * drains the outbox: the saga interleaving tests deliver its rows in orders of their choosing.
     */
    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public int getPhase() {
        // Start after the Kafka producer is usable, stop before it is closed.
        return Integer.MAX_VALUE - 100;
    }

    private record OutboxRow(long seq, String eventId, String topic, String key, String type, String envelope, String reason) {
        OutboxRow refusedBecause(String why) {
            return new OutboxRow(seq, eventId, topic, key, type, envelope, why);
        }
    }
}
