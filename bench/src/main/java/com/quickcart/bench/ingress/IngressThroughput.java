package com.quickcart.bench.ingress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.bench.Endpoints;
import com.quickcart.bench.load.ClosedLoop;
import com.quickcart.bench.load.Webhook;
import com.quickcart.bench.report.Results;
import com.quickcart.testsupport.TelegramUpdates;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Updates the ingress accepts per second (each one acknowledged by Kafka with acks=all before
 * the 200), beside its own liveness probe on the same Tomcat and JVM. The updates are real
 * Telegram JSON from group chats, which the bot ignores after its inbox has seen them, so the
 * run measures the door and leaves no backlog of replies behind.
 */
public final class IngressThroughput {

    private static final Duration WARM_UP = Duration.ofSeconds(3);

    private final Endpoints endpoints;
    private final Results results;
    private final Webhook webhook;

    public IngressThroughput(Endpoints endpoints, Results results) {
        this.endpoints = endpoints;
        this.results = results;
        this.webhook = new Webhook(endpoints);
    }

    public void run(Duration measured, int concurrency) throws InterruptedException {
        ClosedLoop.Outcome probe = ClosedLoop.run(WARM_UP, measured, concurrency, () -> webhook.probe(endpoints.liveness()));
        if (probe.failed() > probe.ok()) {
            // A baseline that failed is no baseline: say so instead of reporting zero.
            throw new IllegalStateException("the liveness probe at " + endpoints.liveness() + " failed " + probe.failed()
                    + " times of " + (probe.ok() + probe.failed()) + " (INGRESS_MANAGEMENT_PORT?)");
        }
        report("ingress.liveness", probe, concurrency);
        ClosedLoop.Outcome updates = ClosedLoop.run(WARM_UP, measured, concurrency, () -> webhook.post(groupChatMessage()));
        report("ingress.webhook", updates, concurrency);
        results.put("ingress.record_bytes", lastRecordSize(), "value size of one telegram.updates record as the ingress wrote it");
    }

    private void report(String key, ClosedLoop.Outcome outcome, int concurrency) {
        String note = concurrency + " callers, " + outcome.elapsed().toSeconds() + " s, " + outcome.failed() + " failed";
        results.put(key + ".per_second", outcome.perSecond(), note);
        results.put(key + ".p50_ms", outcome.responseMicros().getValueAtPercentile(50) / 1000.0, note);
        results.put(key + ".p99_ms", outcome.responseMicros().getValueAtPercentile(99) / 1000.0, note);
        results.put(key + ".failed", outcome.failed(), note);
    }

    private static ObjectNode groupChatMessage() {
        long updateId = TelegramUpdates.nextUpdateId();
        long member = TelegramUpdates.newChatId();
        ObjectNode update = TelegramUpdates.text(updateId, member, "kapan restock netflix?", "id");
        ((ObjectNode) update.path("message").path("chat")).put("id", -1_000_000_000_000L - (updateId % 1000))
                .put("type", "supergroup").put("title", "QuickCart buyers").remove(List.of("first_name", "username"));
        return update;
    }

    private double lastRecordSize() {
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafka()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition("telegram.updates", 0);
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            consumer.seek(partition, Math.max(0, end - 1));
            for (var record : consumer.poll(Duration.ofSeconds(5))) {
                return record.serializedValueSize();
            }
            return 0;
        }
    }
}
