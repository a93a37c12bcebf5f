package com.quickcart.common.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * This service's consumer-group lag per topic, measured the way KEDA and the alerts see it:
 * end offsets minus the group's committed offsets, from the broker. Unlike the consumer's own
 * records-lag metric it keeps rising while the service's listeners are stopped or stuck.
 * Also measures the dead letters of those topics still waiting for an operator.
 */
public class ConsumerGroupLag implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerGroupLag.class);

    private final Admin admin;
    private final java.util.function.Supplier<Map<String, Set<String>>> topicsByGroup;
    private final MeterRegistry meters;
    private final long everyMillis;
    private final Map<String, Long> values = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread worker;

    /** {@code topicsByGroup}: this service's consumer groups and their topics (read from its listener containers). */
    public ConsumerGroupLag(Admin admin, java.util.function.Supplier<Map<String, Set<String>>> topicsByGroup,
                            MeterRegistry meters, long everyMillis) {
        this.admin = admin;
        this.topicsByGroup = topicsByGroup;
        this.meters = meters;
        this.everyMillis = everyMillis;
    }

    /** Measures every group of this service, and the dead letters of what it consumes, now. */
    void measure() throws Exception {
        Set<String> consumed = new HashSet<>();
        for (Map.Entry<String, Set<String>> group : topicsByGroup.get().entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            unread(group.getValue(), committed).forEach((topic, lag) -> publish("quickcart.consumer.group.lag",
                    "Records on the topic not yet committed by this service's consumer group",
                    Tags.of("group", group.getKey(), "topic", topic), lag));
            consumed.addAll(group.getValue());
        }
        measureDeadLetters(consumed);
    }

    /**
     * Dead letters of the topics this service consumes that nobody has replayed or discarded yet:
     * the DLT's records past what {@link DeadLetterReplay} committed. Unlike a count of failures
     * it falls back to zero once an operator has dealt with them.
     */
    private void measureDeadLetters(Set<String> consumed) throws Exception {
        Set<String> deadLetterTopics = consumed.stream().filter(t -> !t.endsWith(".dlt")).map(t -> t + ".dlt")
                .collect(Collectors.toSet());
        if (deadLetterTopics.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> handled = admin.listConsumerGroupOffsets(DeadLetterReplay.REPLAY_GROUP)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        unread(deadLetterTopics, handled).forEach((topic, waiting) ->
                publish("quickcart.dead.letters.pending", "Dead letters not yet replayed or discarded",
                        Tags.of("topic", topic), waiting));
    }

    /** Per topic: records between the position in {@code committed} (else the log start) and the end. */
    private Map<String, Long> unread(Set<String> topics, Map<TopicPartition, OffsetAndMetadata> committed) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> {
                    latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                    earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                }));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
        return ends.entrySet().stream().collect(Collectors.groupingBy(e -> e.getKey().topic(),
                Collectors.summingLong(e -> {
                    OffsetAndMetadata offset = committed.get(e.getKey());
                    long from = Math.max(starts.get(e.getKey()).offset(), offset == null ? 0 : offset.offset());
                    return Math.max(0, e.getValue().offset() - from);
                })));
    }

    private void publish(String name, String description, Tags tags, long value) {
        String key = name + tags;
        if (values.put(key, value) == null) {
            Gauge.builder(name, values, m -> m.getOrDefault(key, 0L)).description(description).tags(tags).register(meters);
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().daemon().name("consumer-group-lag").start(() -> {
            while (running) {
                try {
                    measure();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    log.debug("consumer lag not measured: {}", e.toString());
                }
                try {
                    Thread.sleep(everyMillis);
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
        admin.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
