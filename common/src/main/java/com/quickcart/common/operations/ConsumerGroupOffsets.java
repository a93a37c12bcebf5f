package com.quickcart.common.operations;

import com.quickcart.common.messaging.kafka.KafkaClientSecurity;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Writes down the services' consumer-group positions beside a database backup, and puts the groups
 * back there after a restore, so the services consume again every event the restored database has
 * not seen; their inboxes drop the ones it has. Positions are saved before the dump starts: a
 * group commits only after its transaction did, so everything before a saved position is in the dump.
 *
 * <pre>
 * ConsumerGroupOffsets --bootstrap host:9092 --save consumer-offsets.txt
 * ConsumerGroupOffsets --bootstrap host:9092 --restore consumer-offsets.txt   (services stopped)
 * </pre>
 * The file has one line per group and partition: {@code group topic partition offset}.
 */
public final class ConsumerGroupOffsets {

    /** The consumer groups of the services that own a database: the ones a restore must rewind. */
    public static final List<String> SERVICE_GROUPS = List.of("order-service", "payment-service", "delivery-service", "notifier-service");
    private static final String USAGE = "usage: ConsumerGroupOffsets --bootstrap HOST:PORT (--save FILE | --restore FILE)";

    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !args[0].equals("--bootstrap") || !(args[2].equals("--save") || args[2].equals("--restore"))) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path file = Path.of(args[3]);
        try (Admin admin = Admin.create(adminProperties(args[1]))) {
            if (args[2].equals("--save")) {
                Files.write(file, lines(save(admin)));
                System.out.println("saved the positions of " + SERVICE_GROUPS.size() + " consumer groups to " + file);
            } else {
                Map<String, Map<TopicPartition, Long>> positions = parse(Files.readAllLines(file));
                restore(admin, positions);
                System.out.println("consumer groups " + SERVICE_GROUPS + " rewound to the positions in " + file);
            }
        }
    }

    /** Each service group's committed position per topic partition. */
    public static Map<String, Map<TopicPartition, Long>> save(Admin admin) throws ExecutionException, InterruptedException {
        Map<String, Map<TopicPartition, Long>> positions = new TreeMap<>();
        for (String group : SERVICE_GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> offsets = new TreeMap<>(ConsumerGroupOffsets::compare);
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    offsets.put(partition, offset.offset());
                }
            });
            positions.put(group, offsets);
        }
        return positions;
    }

    /**
     * Moves each service group back to the saved positions; a partition the group had no position on
     * when the backup was taken goes back to its earliest record. Kafka refuses while a group has live members.
     */
    public static void restore(Admin admin, Map<String, Map<TopicPartition, Long>> positions) throws InterruptedException {
        for (String group : SERVICE_GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new TreeMap<>(ConsumerGroupOffsets::compare);
            try {
                Map<TopicPartition, Long> saved = positions.getOrDefault(group, Map.of());
                Map<TopicPartition, OffsetSpec> unsaved = new java.util.HashMap<>();
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().keySet().stream()
                        .filter(partition -> !saved.containsKey(partition))
                        .forEach(partition -> unsaved.put(partition, OffsetSpec.earliest()));
                admin.listOffsets(unsaved).all().get().forEach((partition, earliest) ->
                        offsets.put(partition, new OffsetAndMetadata(earliest.offset())));
                saved.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
                if (!offsets.isEmpty()) {
                    admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IllegalStateException("cannot rewind consumer group " + group
                        + " (stop every instance of the service first): " + cause.getMessage(), cause);
            }
        }
    }

    static List<String> lines(Map<String, Map<TopicPartition, Long>> positions) {
        List<String> lines = new ArrayList<>();
        positions.forEach((group, offsets) -> offsets.forEach((partition, offset) ->
                lines.add(group + " " + partition.topic() + " " + partition.partition() + " " + offset)));
        return lines;
    }

    static Map<String, Map<TopicPartition, Long>> parse(List<String> lines) {
        Map<String, Map<TopicPartition, Long>> positions = new TreeMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+");
            if (parts.length != 4 || !parts[2].matches("\\d{1,6}") || !parts[3].matches("\\d{1,19}")) {
                throw new IllegalArgumentException("not a line of a consumer-offsets file (group topic partition offset): " + line);
            }
            positions.computeIfAbsent(parts[0], g -> new TreeMap<>(ConsumerGroupOffsets::compare))
                    .put(new TopicPartition(parts[1], Integer.parseInt(parts[2])), Long.parseLong(parts[3]));
        }
        return positions;
    }

    private static int compare(TopicPartition a, TopicPartition b) {
        int byTopic = a.topic().compareTo(b.topic());
        return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
    }

    private static Properties adminProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        // On a secured broker the operator's own user (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*), as the services take theirs.
        properties.putAll(KafkaClientSecurity.fromEnvironment(System::getenv).clientProperties());
        return properties;
    }

    private ConsumerGroupOffsets() {
    }
}
