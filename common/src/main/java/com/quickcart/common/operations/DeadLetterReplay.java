package com.quickcart.common.operations;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Puts dead letters back on the topic they came from, unchanged (key, value, headers other than
 * the dead-letter ones), after the cause was fixed. Safe to run twice: every consumer's inbox
 * drops an event it already handled. Reads the DLT up to its end at start, outside any group.
 *
 * <pre>
 * DeadLetterReplay --bootstrap host:9092 --dlt telegram.updates.dlt [--partition 0 --offset 42] [--dry-run]
 * </pre>
 */
public final class DeadLetterReplay {

    static final String REPLAYED_FROM = "quickcart-replayed-from";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        if (!options.containsKey("bootstrap") || !options.containsKey("dlt") || !options.get("dlt").endsWith(".dlt")
                || (options.containsKey("offset") != options.containsKey("partition"))) {
            System.err.println("usage: DeadLetterReplay --bootstrap HOST:PORT --dlt TOPIC.dlt [--partition P --offset O] [--dry-run]");
            System.exit(2);
        }
        int replayed = replay(options.get("bootstrap"), options.get("dlt"),
                options.containsKey("partition") ? Integer.parseInt(options.get("partition")) : null,
                options.containsKey("offset") ? Long.parseLong(options.get("offset")) : null,
                options.containsKey("dry-run"), System.out);
        System.out.println((options.containsKey("dry-run") ? "would replay " : "replayed ") + replayed + " record(s)");
    }

    /** Replays every record of the DLT, or the one at partition/offset; returns how many. */
    public static int replay(String bootstrap, String dlt, Integer partition, Long offset, boolean dryRun, PrintStream out) {
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(dlt).forEach(p -> {
                if (partition == null || p.partition() == partition) {
                    partitions.add(new TopicPartition(dlt, p.partition()));
                }
            });
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, offset != null ? offset : consumer.beginningOffsets(List.of(tp)).get(tp));
            }
            int replayed = 0;
            Map<TopicPartition, Long> remaining = new HashMap<>(ends);
            remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(tp) || (offset != null && record.offset() != offset)) {
                        continue;
                    }
                    String target = originalTopic(record, dlt);
                    out.printf("%s %s-%d@%d -> %s%n", dryRun ? "would replay" : "replaying", dlt, record.partition(), record.offset(), target);
                    if (!dryRun) {
                        producer.send(new ProducerRecord<>(target, null, record.key(), record.value(), cleanHeaders(record, dlt))).get();
                    }
                    replayed++;
                }
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue()
                        || (offset != null && consumer.position(e.getKey()) > offset));
            }
            return replayed;
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
            if (name.equals("dry-run")) {
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
