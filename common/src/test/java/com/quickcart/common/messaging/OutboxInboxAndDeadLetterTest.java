package com.quickcart.common.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.TestEnvironment;
import com.quickcart.testsupport.TopicProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "spring.datasource.url=${DATABASE_URL}",
        "spring.datasource.username=${DATABASE_USER}",
        "spring.datasource.hikari.schema=messaging_test",
        "spring.liquibase.change-log=classpath:db/changelog/common/messaging.yaml",
        "spring.liquibase.default-schema=messaging_test",
        "quickcart.db.schema=messaging_test",
        "quickcart.messaging.max-attempts=3",
        "quickcart.operations.lag-every=500ms"})
class OutboxInboxAndDeadLetterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.infrastructure().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired Outbox outbox;
    @Autowired Inbox inbox;
    @Autowired EventCodec codec;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired KafkaTemplate<String, EventEnvelope> kafka;
    @Autowired MessagingTestApplication.RecordingListener listener;

    private TopicProbe orderEvents;
    private TopicProbe deadLetters;

    @BeforeEach
    void watchTopics() {
        orderEvents = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.ORDER_EVENTS);
        deadLetters = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.deadLetter(Topics.DELIVERY_COMMANDS));
    }

    @AfterEach
    void stopWatching() {
        orderEvents.close();
        deadLetters.close();
    }

    @Test
    void anEventAppendedInACommittedTransactionIsPublishedWithItsKeyAndLeavesTheOutbox() {
        String key = "order-" + UUID.randomUUID();
        EventEnvelope event = codec.wrap(key, new Note("paid"));

        tx.executeWithoutResult(status -> outbox.append(Topics.ORDER_EVENTS, event));

        TopicProbe.Seen seen = orderEvents.awaitOne(s -> key.equals(s.key()), WAIT);
        assertThat(seen.value().path("eventId").asText()).isEqualTo(event.eventId().toString());
        assertThat(seen.payload().path("text").asText()).isEqualTo("paid");
        await().atMost(WAIT).until(() -> outboxRows(key) == 0);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String key = "order-" + UUID.randomUUID();

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            outbox.append(Topics.ORDER_EVENTS, codec.wrap(key, new Note("never")));
            throw new IllegalStateException("the state change failed");
        })).isInstanceOf(IllegalStateException.class);

        // A later committed event with the same key proves the relay ran past the rolled-back one.
        tx.executeWithoutResult(status -> outbox.append(Topics.ORDER_EVENTS, codec.wrap(key, new Note("later"))));
        orderEvents.awaitOne(s -> key.equals(s.key()), WAIT);
        assertThat(orderEvents.seen(s -> key.equals(s.key())))
                .extracting(s -> s.payload().path("text").asText()).containsExactly("later");
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(Topics.ORDER_EVENTS, codec.wrap("k", new Note("loose"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneKeysEventsArePublishedInCommitOrder() {
        String key = "order-" + UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            int n = i;
            tx.executeWithoutResult(status -> outbox.append(Topics.ORDER_EVENTS, codec.wrap(key, new Note("step-" + n))));
        }

        await().atMost(WAIT).until(() -> orderEvents.seen(s -> key.equals(s.key())).size() == 30);
        List<String> steps = orderEvents.seen(s -> key.equals(s.key())).stream()
                .map(s -> s.payload().path("text").asText()).toList();
        assertThat(steps).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 30).mapToObj(i -> "step-" + i).toList());
    }

    @Test
    void aRedeliveredEventChangesNothingTheSecondTime() {
        EventEnvelope event = codec.wrap("k", new Note("once"));
        AtomicInteger effects = new AtomicInteger();

        boolean first = inbox.handleOnce("inbox-test", event, e -> effects.incrementAndGet());
        boolean second = inbox.handleOnce("inbox-test", event, e -> effects.incrementAndGet());

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(effects).hasValue(1);
    }

    @Test
    void anEffectThatFailedIsRunAgainOnTheNextDelivery() {
        EventEnvelope event = codec.wrap("k", new Note("flaky"));
        AtomicInteger effects = new AtomicInteger();

        assertThatThrownBy(() -> inbox.handleOnce("inbox-test", event, e -> {
            effects.incrementAndGet();
            throw new IllegalStateException("database hiccup");
        })).isInstanceOf(IllegalStateException.class);
        boolean retried = inbox.handleOnce("inbox-test", event, e -> effects.incrementAndGet());

        assertThat(retried).isTrue();
        assertThat(effects).hasValue(2);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAfterBoundedRetriesAndThePartitionMovesOn() {
        String key = "chat-" + UUID.randomUUID();
        kafka.send(Topics.DELIVERY_COMMANDS, key, codec.wrap(key, new Note("poison " + key)));
        kafka.send(Topics.DELIVERY_COMMANDS, key, codec.wrap(key, new Note("fine " + key)));

        TopicProbe.Seen dead = deadLetters.awaitOne(s -> key.equals(s.key()), WAIT);
        await().atMost(WAIT).until(() -> listener.handled.contains("fine " + key));

        assertThat(dead.payload().path("text").asText()).isEqualTo("poison " + key);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("cannot handle poison");
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.DELIVERY_COMMANDS);
        assertThat(dead.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(listener.poisonAttempts.get()).isEqualTo(3); // quickcart.messaging.max-attempts
    }

    @Test
    void bytesThatAreNotAnEnvelopeGoStraightToTheDeadLetterTopic() {
        String key = "chat-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.DELIVERY_COMMANDS, key, "{not json".getBytes(StandardCharsets.UTF_8)));
        }

        TopicProbe.Seen dead = deadLetters.awaitOne(s -> key.equals(s.key()), WAIT);

        assertThat(dead.value()).isNull(); // the original bytes, untouched
        assertThat(header(dead, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
    }

    private long outboxRows(String key) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE event_key = :key").param("key", key).query(Long.class).single();
    }

    private static String header(TopicProbe.Seen seen, String name) {
        var header = seen.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
