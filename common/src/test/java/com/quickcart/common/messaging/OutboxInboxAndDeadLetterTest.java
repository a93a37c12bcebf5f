package com.quickcart.common.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.common.messaging.inbox.InboxPruner;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.common.messaging.outbox.OutboxRelay;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.TopicProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class OutboxInboxAndDeadLetterTest extends MessagingContextTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired Outbox outbox;
    @Autowired Inbox inbox;
    @Autowired EventCodec codec;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired KafkaTemplate<String, EventEnvelope> kafka;
    @Autowired MessagingTestApplication.RecordingListener listener;
    @Autowired OutboxRelay contextRelay;
    @Autowired ProducerFactory<String, EventEnvelope> producerFactory;

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
    void aRowThatCommitsWhileABatchWaitsForKafkaIsPublishedByTheNextBatch() throws Exception {
        String key = "order-" + UUID.randomUUID();
        CountDownLatch lateAppended = new CountDownLatch(1);
        CountDownLatch commitLate = new CountDownLatch(1);
        contextRelay.stop(); // this test drives a relay of its own
        try {
            // Takes its seq first, commits last: the interleaving of two listener threads.
            Thread late = Thread.ofPlatform().start(() -> tx.executeWithoutResult(status -> {
                outbox.append(Topics.ORDER_EVENTS, codec.wrap(key, new Note("committed late")));
                lateAppended.countDown();
                awaitQuietly(commitLate);
            }));
            lateAppended.await();
            tx.executeWithoutResult(status -> outbox.append(Topics.ORDER_EVENTS, codec.wrap(key, new Note("committed first"))));
            KafkaTemplate<String, EventEnvelope> ackAfterTheLateCommit = new KafkaTemplate<>(producerFactory) {
                @Override
                public CompletableFuture<SendResult<String, EventEnvelope>> send(String topic, String k, EventEnvelope data) {
                    commitLate.countDown();
                    joinQuietly(late);
                    return super.send(topic, k, data);
                }
            };
            OutboxRelay relay = new OutboxRelay(jdbc, tx, ackAfterTheLateCommit, Duration.ofSeconds(1), Duration.ofSeconds(10), 100);

            relay.publishBatch();
            relay.publishBatch();

            await().atMost(WAIT).until(() -> orderEvents.seen(s -> key.equals(s.key())).size() == 2);
            assertThat(orderEvents.seen(s -> key.equals(s.key()))).extracting(s -> s.payload().path("text").asText())
                    .containsExactlyInAnyOrder("committed first", "committed late");
            assertThat(outboxRows(key)).isZero();
        } finally {
            commitLate.countDown();
            contextRelay.start();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anEventTooLargeForKafkaIsRefusedWithItsStateChangeNotLeftToBlockTheOutbox() {
        String key = "order-" + UUID.randomUUID();

        assertThatThrownBy(() -> tx.executeWithoutResult(status ->
                outbox.append(Topics.ORDER_EVENTS, codec.wrap(key, new Note("x".repeat(1_000_000))))))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("bytes");

        assertThat(outboxRows(key)).isZero();
    }

    @Test
    void aRowKafkaRefusesIsSetAsideVisiblyAndTheRowsBehindItArePublished() {
        String key = "order-" + UUID.randomUUID();
        UUID tooLarge = UUID.randomUUID();
        // Written before the size guard existed, or for a broker with a smaller limit: Kafka refuses it.
        String envelope = EventCodec.encodeToString(codec.wrap(key, new Note("y".repeat(1_100_000))))
                .replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + tooLarge + "\"");
        jdbc.sql("INSERT INTO outbox (event_id, topic, event_key, event_type, envelope) VALUES (:id, :topic, :key, 'Note', :envelope)")
                .param("id", tooLarge).param("topic", Topics.ORDER_EVENTS).param("key", key).param("envelope", envelope).update();
        tx.executeWithoutResult(status -> outbox.append(Topics.ORDER_EVENTS, codec.wrap(key, new Note("behind it"))));

        TopicProbe.Seen behind = orderEvents.awaitOne(s -> key.equals(s.key()), WAIT);

        assertThat(behind.payload().path("text").asText()).isEqualTo("behind it");
        await().atMost(WAIT).until(() -> outboxRows(key) == 0);
        assertThat(jdbc.sql("SELECT reason FROM outbox_parked WHERE event_id = :id").param("id", tooLarge).query(String.class).single())
                .contains("RecordTooLarge");
    }

    @Test
    void processedIdsPastTheRetentionAreForgottenAndRecentOnesKept() {
        EventEnvelope old = codec.wrap("k", new Note("long ago"));
        EventEnvelope recent = codec.wrap("k", new Note("just now"));
        inbox.handleOnce("retention-test", old, e -> { });
        inbox.handleOnce("retention-test", recent, e -> { });
        jdbc.sql("UPDATE processed_events SET processed_at = now() - interval '15 days' WHERE event_id = :id")
                .param("id", old.eventId()).update();

        new InboxPruner(jdbc, Duration.ofDays(14), Duration.ofHours(1)).prune();

        assertThat(processed(old)).isFalse();
        assertThat(processed(recent)).isTrue();
    }

    private boolean processed(EventEnvelope event) {
        return jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id").param("id", event.eventId())
                .query(Long.class).single() > 0;
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
        assertThat(listener.poisonAttempts.get("poison " + key)).hasValue(3); // quickcart.messaging.max-attempts
    }

    @Test
    void aDatabaseOutageLongerThanTheBoundedRetriesIsWaitedOutNotDeadLettered() {
        String key = "chat-" + UUID.randomUUID();
        String flaky = "flaky:8 " + key; // 8 failures: far past max-attempts=3
        kafka.send(Topics.DELIVERY_COMMANDS, key, codec.wrap(key, new Note(flaky)));
        kafka.send(Topics.DELIVERY_COMMANDS, key, codec.wrap(key, new Note("after " + key)));

        await().atMost(WAIT).until(() -> listener.handled.contains("after " + key));

        assertThat(listener.handled).containsSubsequence(flaky, "after " + key);
        assertThat(listener.flakyAttempts.get(flaky)).hasValue(9);
        assertThat(deadLetters.seen(s -> key.equals(s.key()))).isEmpty();
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
