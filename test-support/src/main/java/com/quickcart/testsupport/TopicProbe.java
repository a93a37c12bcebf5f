package com.quickcart.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Watches a topic from "now" on, outside any consumer group, and keeps what it saw: lets a
 * test assert what a service published without joining the service's group.
 */
public final class TopicProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public TopicProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.partitionsFor(topic).isEmpty());
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "end" now, before anything under test publishes
        poller = Thread.ofPlatform().daemon().name("probe-" + topic).start(this::poll);
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                try {
                    seen.add(new Seen(record.key(), JSON.readTree(record.value()), record.partition(), record.offset(),
                            record.headers()));
                } catch (IOException e) {
                    seen.add(new Seen(record.key(), null, record.partition(), record.offset(), record.headers()));
                }
            }
        }
        consumer.close();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public List<Seen> seen(Predicate<Seen> predicate) {
        return seen.stream().filter(predicate).toList();
    }

    public Seen awaitOne(Predicate<Seen> predicate, Duration timeout) {
        await().atMost(timeout).until(() -> seen.stream().anyMatch(predicate));
        return seen.stream().filter(predicate).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One record: its key, its value as JSON (null when the bytes were not JSON), and where it sat. */
    public record Seen(String key, JsonNode value, int partition, long offset, org.apache.kafka.common.header.Headers headers) {

        public String type() {
            return value == null ? null : value.path("type").asText();
        }

        public JsonNode payload() {
            return value == null ? null : value.path("payload");
        }
    }
}
