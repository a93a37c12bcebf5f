package com.quickcart.common.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.operations.ConsumerGroupLag;
import com.quickcart.common.operations.DeadLetterReplay;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OperationsTest extends MessagingContextTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired KafkaTemplate<String, EventEnvelope> kafka;
    @Autowired EventCodec codec;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired ConsumerGroupLag lag;
    @Autowired MeterRegistry meters;
    @Autowired MessagingTestApplication.RecordingListener listener;
    @Autowired HealthEndpoint health;

    @Test
    void theLagMetricRisesWhileTheConsumerIsStoppedAndFallsAfterItRestarts() throws Exception {
        await().atMost(WAIT).until(() -> lagGauge() != null && lagGauge() == 0.0);
        listeners.getListenerContainer("messaging-test").stop();
        try {
            for (int i = 0; i < 25; i++) {
                kafka.send(Topics.DELIVERY_COMMANDS, "k" + i, codec.wrap("k" + i, new Note("lag " + i))).get();
            }

            await().atMost(WAIT).until(() -> lagGauge() >= 25);
        } finally {
            listeners.getListenerContainer("messaging-test").start();
        }

        await().atMost(WAIT).until(() -> lagGauge() == 0.0);
        assertThat(listener.handled).contains("lag 0", "lag 24");
    }

    @Test
    void aFixedDeadLetterIsReplayedToItsTopicAndHandledOnce() throws Exception {
        String key = "chat-" + UUID.randomUUID();
        try (TopicProbe dead = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.deadLetter(Topics.DELIVERY_COMMANDS))) {
            kafka.send(Topics.DELIVERY_COMMANDS, key, codec.wrap(key, new Note("poison " + key)));
            TopicProbe.Seen letter = dead.awaitOne(s -> key.equals(s.key()), WAIT);
            listener.poisonFails = false; // the fix is deployed

            ByteArrayOutputStream log = new ByteArrayOutputStream();
            int dry = DeadLetterReplay.replay(KafkaBroker.bootstrapServers(), Topics.deadLetter(Topics.DELIVERY_COMMANDS),
                    letter.partition(), letter.offset(), DeadLetterReplay.Mode.DRY_RUN, new PrintStream(log));
            assertThat(dry).isEqualTo(1);
            assertThat(listener.handled).doesNotContain("poison " + key);

            int replayed = DeadLetterReplay.replay(KafkaBroker.bootstrapServers(), Topics.deadLetter(Topics.DELIVERY_COMMANDS),
                    letter.partition(), letter.offset(), DeadLetterReplay.Mode.REPLAY, new PrintStream(log));
            DeadLetterReplay.replay(KafkaBroker.bootstrapServers(), Topics.deadLetter(Topics.DELIVERY_COMMANDS),
                    letter.partition(), letter.offset(), DeadLetterReplay.Mode.REPLAY, new PrintStream(log));

            assertThat(replayed).isEqualTo(1);
            await().atMost(WAIT).until(() -> listener.handled.contains("poison " + key));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> listener.handled.stream().filter(("poison " + key)::equals).count() == 1);
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("-> " + Topics.DELIVERY_COMMANDS);
        } finally {
            listener.poisonFails = true;
        }
    }

    @Test
    void waitingDeadLettersAreGaugedUntilAnOperatorReplaysOrDiscardsThem() {
        String dlt = Topics.deadLetter(Topics.DELIVERY_COMMANDS);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        DeadLetterReplay.replay(KafkaBroker.bootstrapServers(), dlt, null, null, DeadLetterReplay.Mode.DISCARD, new PrintStream(log));
        await().atMost(WAIT).until(() -> Double.valueOf(0).equals(pendingDeadLetters(dlt)));

        String key = "chat-" + UUID.randomUUID();
        try (TopicProbe dead = new TopicProbe(KafkaBroker.bootstrapServers(), dlt)) {
            kafka.send(Topics.DELIVERY_COMMANDS, key, codec.wrap(key, new Note("poison " + key)));
            dead.awaitOne(s -> key.equals(s.key()), WAIT);
        }
        await().atMost(WAIT).until(() -> pendingDeadLetters(dlt) != null && pendingDeadLetters(dlt) == 1.0);

        listener.poisonFails = false; // the fix is deployed
        try {
            int replayed = DeadLetterReplay.replay(KafkaBroker.bootstrapServers(), dlt, null, null, DeadLetterReplay.Mode.REPLAY, new PrintStream(log));
            int again = DeadLetterReplay.replay(KafkaBroker.bootstrapServers(), dlt, null, null, DeadLetterReplay.Mode.REPLAY, new PrintStream(log));

            assertThat(replayed).as("only the letter not yet dealt with").isEqualTo(1);
            assertThat(again).as("a second run finds nothing new").isZero();
            await().atMost(WAIT).until(() -> listener.handled.contains("poison " + key));
            await().atMost(WAIT).until(() -> Double.valueOf(0).equals(pendingDeadLetters(dlt)));
        } finally {
            listener.poisonFails = true;
        }
    }

    @Test
    void deadLettersAreCountedAndReadinessCoversKafkaAndTheDatabase() {
        String key = "chat-" + UUID.randomUUID();
        double before = deadLetterCount();
        kafka.send(Topics.DELIVERY_COMMANDS, key, codec.wrap(key, new Note("poison " + key)));

        await().atMost(WAIT).until(() -> deadLetterCount() > before);
        var readiness = health.healthForPath("readiness");
        assertThat(readiness.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.healthForPath("readiness", "kafka").getStatus().getCode()).isEqualTo("UP");
        assertThat(health.healthForPath("readiness", "db").getStatus().getCode()).isEqualTo("UP");
        assertThat(meters.find("quickcart.outbox.pending").gauge()).isNotNull();
    }

    private Double lagGauge() {
        var gauge = meters.find("quickcart.consumer.group.lag").tag("group", "messaging-test").tag("topic", Topics.DELIVERY_COMMANDS).gauge();
        return gauge == null ? null : gauge.value();
    }

    private Double pendingDeadLetters(String dlt) {
        var gauge = meters.find("quickcart.dead.letters.pending").tag("topic", dlt).gauge();
        return gauge == null ? null : gauge.value();
    }

    private double deadLetterCount() {
        var counter = meters.find("quickcart.dead.letters").tag("topic", Topics.DELIVERY_COMMANDS).counter();
        return counter == null ? 0 : counter.count();
    }
}
