package com.quickcart.common.messaging.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

/**
 * Forgets processed event ids older than the retention, so the inbox does not grow forever. The
 * retention must outlast every way an event can come back: the topics' own retention (7 days)
 * and a DLT replay after it. Deletes in small batches so no prune holds many row locks at once.
 */
public class InboxPruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxPruner.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Duration every;
    private volatile boolean running;
    private Thread worker;

    public InboxPruner(JdbcClient jdbc, Duration retention, Duration every) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.every = every;
    }

    /** Deletes every processed id past the retention; returns how many. */
    public int prune() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            DELETE FROM processed_events WHERE ctid IN (
                              SELECT ctid FROM processed_events
                              WHERE processed_at < now() - make_interval(secs => :seconds)
                              LIMIT :batch)
                            """)
                    .param("seconds", retention.toSeconds())
                    .param("batch", BATCH)
                    .update();
            total += deleted;
        } while (deleted == BATCH && running);
        return total;
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("inbox-pruner").daemon().start(() -> {
            while (running) {
                try {
                    int pruned = prune();
                    if (pruned > 0) {
                        log.info("inbox pruned processed_ids={} older_than={}", pruned, retention);
                    }
                } catch (RuntimeException e) {
                    log.warn("inbox prune failed, next try in {}: {}", every, e.getMessage());
                }
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
