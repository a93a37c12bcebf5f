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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * This service's consumer-group lag per topic, measured the way KEDA and the alerts see it:
 * end offsets minus the group's committed offsets, from the broker. Unlike the consumer's own
 * records-lag metric it keeps rising while the service's listeners are stopped or stuck.
 */
public class ConsumerGroupLag implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerGroupLag.class);

    private final Admin admin;
    private final java.util.function.Supplier<Map<String, Set<String>>> topicsByGroup;
    private final MeterRegistry meters;
    private final long everyMillis;
    private final Map<String, Long> lagByGroupTopic = new ConcurrentHashMap<>();
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

    /** Measures every group of this service now; returns the lag by "group/topic". */
    public Map<String, Long> measure() throws Exception {
        Map<String, Long> all = new HashMap<>();
        for (Map.Entry<String, Set<String>> group : topicsByGroup.get().entrySet()) {
            measure(group.getKey(), group.getValue()).forEach((topic, lag) -> all.put(group.getKey() + "/" + topic, lag));
        }
        return all;
    }

    private Map<String, Long> measure(String group, Set<String> topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
        Map<String, Long> lag = ends.entrySet().stream().collect(Collectors.groupingBy(e -> e.getKey().topic(),
                Collectors.summingLong(e -> {
                    OffsetAndMetadata offset = committed.get(e.getKey());
                    return Math.max(0, e.getValue().offset() - (offset == null ? 0 : offset.offset()));
                })));
        lag.forEach((topic, value) -> {
            String key = group + "/" + topic;
            if (lagByGroupTopic.put(key, value) == null) {
                Gauge.builder("quickcart.consumer.group.lag", lagByGroupTopic, m -> m.getOrDefault(key, 0L))
                        .description("Records on the topic not yet committed by this service's consumer group")
                        .tags(Tags.of("group", group, "topic", topic)).register(meters);
            }
        });
        return lag;
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
