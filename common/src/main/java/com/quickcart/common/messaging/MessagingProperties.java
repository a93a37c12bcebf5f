package com.quickcart.common.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Messaging settings shared by every service; bound from {@code quickcart.messaging.*} and
 * checked at start so that a bad value stops the service with a clear message.
 */
@ConfigurationProperties("quickcart.messaging")
public record MessagingProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("500ms") Duration outboxPollInterval,
        @DefaultValue("100") int outboxBatchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("30s") Duration transientBackoffMax,
        @DefaultValue("900000") int maxEventBytes,
        @DefaultValue("14d") Duration inboxRetention) {

    public MessagingProperties {
        require(partitions >= 1, "quickcart.messaging.partitions (KAFKA_PARTITIONS) must be >= 1, was " + partitions);
        require(replicationFactor >= 1, "quickcart.messaging.replication-factor must be >= 1, was " + replicationFactor);
        require(maxAttempts >= 1 && maxAttempts <= 20, "quickcart.messaging.max-attempts must be 1..20, was " + maxAttempts);
        require(!retryBackoff.isNegative(), "quickcart.messaging.retry-backoff must not be negative");
        require(outboxPollInterval.toMillis() >= 10, "quickcart.messaging.outbox-poll-interval must be >= 10ms");
        require(outboxBatchSize >= 1 && outboxBatchSize <= 10_000, "quickcart.messaging.outbox-batch-size must be 1..10000");
        require(sendTimeout.toMillis() >= 100, "quickcart.messaging.send-timeout must be >= 100ms");
        // The pause between tries of a transient failure; the consumer keeps polling while paused,
        // so this may exceed max.poll.interval.ms, but a longer wait only delays recovery.
        // Under the producer's max.request.size (1 MiB) with room for the record's headers.
        require(maxEventBytes >= 1024 && maxEventBytes <= 1_000_000,
                "quickcart.messaging.max-event-bytes must be 1024..1000000, was " + maxEventBytes);
        // Longer than any topic keeps a record (7 days) plus the time to replay a DLT: an inbox that
        // forgot an event id sooner would apply a redelivered event twice.
        require(inboxRetention.toDays() >= 8, "quickcart.messaging.inbox-retention must be at least 8d, was " + inboxRetention);
        require(transientBackoffMax.toMillis() >= 10 && transientBackoffMax.toMinutes() <= 10,
                "quickcart.messaging.transient-backoff-max must be 10ms..10m, was " + transientBackoffMax);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
