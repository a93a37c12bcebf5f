package com.quickcart.common.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox backlog as gauges: rows not yet published and the age of the oldest. A growing
 * age means the relay cannot reach Kafka. Read at most every few seconds, however often scraped.
 */
public class OutboxMetrics {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(0, 0, 0, Instant.EPOCH));

    public OutboxMetrics(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("quickcart.outbox.pending", this, m -> m.snapshot().pending())
                .description("Outbox rows not yet acknowledged by Kafka").register(meters);
        Gauge.builder("quickcart.outbox.oldest.age", this, m -> m.snapshot().oldestAgeSeconds())
                .description("Age of the oldest unpublished outbox row").baseUnit("seconds").register(meters);
        Gauge.builder("quickcart.outbox.parked", this, m -> m.snapshot().parked())
                .description("Outbox rows Kafka refused for good, set aside in outbox_parked (runbook: Outbox row parked)")
                .register(meters);
    }

    private Snapshot snapshot() {
        Snapshot current = last.get();
        if (current.at().plus(FRESH_FOR).isAfter(Instant.now())) {
            return current;
        }
        try {
            Snapshot fresh = jdbc.sql("""
                            SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0),
                                   (SELECT count(*) FROM outbox_parked)
                            FROM outbox
                            """)
                    .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getDouble(2), rs.getLong(3), Instant.now())).single();
            last.set(fresh);
            return fresh;
        } catch (RuntimeException e) {
            return current; // the database being down shows in readiness, not as a scrape error
        }
    }

    private record Snapshot(long pending, double oldestAgeSeconds, long parked, Instant at) {
    }
}
