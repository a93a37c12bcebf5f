package com.quickcart.common.operations;

import com.quickcart.common.messaging.kafka.KafkaClientSecurity;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Puts dead letters back on the topic they came from, unchanged (key, value, headers other than
 * the dead-letter ones), after the cause was fixed. Safe to run twice: every consumer's inbox
 * drops an event it already handled.
 *
 * <p>Without {@code --offset} it takes every letter not yet dealt with (from the position the
 * group {@value #REPLAY_GROUP} committed, else the start) up to the DLT's end at start, and then
 * commits that end: the {@code quickcart.dead.letters.pending} gauge and its alert fall to zero,
 * and the next run replays only newer letters. {@code --discard} commits without sending, for
 * letters an operator decided never to replay. {@code --offset} replays one record and commits nothing.
 *
 * <pre>
 * DeadLetterReplay --bootstrap host:9092 --dlt telegram.updates.dlt [--partition 0 --offset 42] [--dry-run | --discard]
 * </pre>
 */
public final class DeadLetterReplay {

    /** The consumer group whose committed offsets mark the dead letters already replayed or discarded. */
    public static final String REPLAY_GROUP = "quickcart-dlt-replay";
    static final String REPLAYED_FROM = "quickcart-replayed-from";
    private static final String USAGE =
            "usage: DeadLetterReplay --bootstrap HOST:PORT --dlt TOPIC.dlt [--partition P --offset O] [--dry-run | --discard]";

    /** What to do with each letter, and how the tool says it. */
    public enum Mode {
        REPLAY("replaying", "replayed"), DRY_RUN("would replay", "would replay"), DISCARD("discarding", "discarded");

        private final String doing;
        private final String done;

        Mode(String doing, String done) {
            this.doing = doing;
            this.done = done;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Integer partition;
        Long offset;
        try {
            partition = options.containsKey("partition") ? Integer.valueOf(options.get("partition")) : null;
            offset = options.containsKey("offset") ? Long.valueOf(options.get("offset")) : null;
        } catch (NumberFormatException e) {
            usage("--partition and --offset take numbers");
            return;
        }
        if (!options.containsKey("bootstrap") || !options.getOrDefault("dlt", "").endsWith(".dlt")) {
            usage("--bootstrap and a --dlt ending in .dlt are required");
        } else if ((partition == null) != (offset == null)) {
            usage("--partition and --offset go together");
        } else if (options.containsKey("dry-run") && options.containsKey("discard")) {
            usage("--dry-run or --discard, not both");
        } else if (options.containsKey("discard") && offset != null) {
            usage("--discard takes every waiting letter, not one offset");
        }
        Mode mode = options.containsKey("dry-run") ? Mode.DRY_RUN : options.containsKey("discard") ? Mode.DISCARD : Mode.REPLAY;
        int count;
        try {
            count = replay(options.get("bootstrap"), options.get("dlt"), partition, offset, mode, System.out);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        System.out.println(mode.done + " " + count + " record(s)");
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        System.exit(2);
    }

    /** Replays (or lists, or discards) every letter not yet dealt with, or the one at partition/offset; returns how many. */
    public static int replay(String bootstrap, String dlt, Integer partition, Long offset, Mode mode, PrintStream out) {
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, REPLAY_GROUP);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A mistyped DLT name must be an error, not a new empty topic on a broker that auto-creates.
        consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // On a secured broker the operator's own user (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*), as the services take theirs.
        Map<String, String> identity = KafkaClientSecurity.fromEnvironment(System::getenv).clientProperties();
        consumerConfig.putAll(identity);
        producerConfig.putAll(identity);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(dlt).forEach(p -> {
                if (partition == null || p.partition() == partition) {
                    partitions.add(new TopicPartition(dlt, p.partition()));
                }
            });
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException(partition == null ? "no topic " + dlt : dlt + " has no partition " + partition);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> handled = consumer.committed(new HashSet<>(partitions));
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata done = handled.get(tp);
                consumer.seek(tp, offset != null ? offset : Math.max(starts.get(tp), done == null ? 0 : done.offset()));
            }
            int count = 0;
            Map<TopicPartition, Long> remaining = new HashMap<>(ends);
            remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(tp) || (offset != null && record.offset() != offset)) {
                        continue;
                    }
                    String target = originalTopic(record, dlt);
                    out.printf("%s %s-%d@%d -> %s%n", mode.doing, dlt, record.partition(), record.offset(), target);
                    if (mode == Mode.REPLAY) {
                        producer.send(new ProducerRecord<>(target, null, record.key(), record.value(), cleanHeaders(record, dlt))).get();
                    }
                    count++;
                }
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue()
                        || (offset != null && consumer.position(e.getKey()) > offset));
            }
            if (offset == null && mode != Mode.DRY_RUN) {
                Map<TopicPartition, OffsetAndMetadata> dealtWith = new HashMap<>();
                ends.forEach((tp, end) -> dealtWith.put(tp, new OffsetAndMetadata(end)));
                consumer.commitSync(dealtWith);
            }
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka refused a replayed record", e);
        }
    }

    private static String originalTopic(ConsumerRecord<byte[], byte[]> record, String dlt) {
        Header header = record.headers().lastHeader("kafka_dlt-original-topic");
        return header != null ? new String(header.value(), StandardCharsets.UTF_8) : dlt.substring(0, dlt.length() - ".dlt".length());
    }

    private static RecordHeaders cleanHeaders(ConsumerRecord<byte[], byte[]> record, String dlt) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-")) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, (dlt + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                continue;
            }
            String name = args[i].substring(2);
            if (name.equals("dry-run") || name.equals("discard")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            }
        }
        return options;
    }

    private DeadLetterReplay() {
    }
}
