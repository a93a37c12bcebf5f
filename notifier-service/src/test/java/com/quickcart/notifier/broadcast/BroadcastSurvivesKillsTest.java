package com.quickcart.notifier.broadcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.notifier.NotifierApplication;
import com.quickcart.testsupport.FakeTelegramBotApi;
import com.quickcart.testsupport.GoodsTransitKeys;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.ServiceProcess;
import com.quickcart.testsupport.TelegramRateLimits;
import com.quickcart.testsupport.TestDatabase;
import com.quickcart.testsupport.TestEnvironment;
import com.quickcart.testsupport.TopicProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the notifier three times during one broadcast (a child JVM, SIGKILL: no shutdown
 * hook, no goodbye to the Kafka group). Nobody is missed, and the messages sent twice are at most
 * the recipients that were SENDING (their call under way) at the kills: the bound ADR 21 promises.
 */
class BroadcastSurvivesKillsTest {

    private static final int IN_FLIGHT = 8;
    private static final Duration WAIT = Duration.ofMinutes(3);

    private final FakeTelegramBotApi botApi = new FakeTelegramBotApi();
    private final EventCodec codec = new EventCodec(Clock.systemUTC());
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());
    private ServiceProcess notifier;

    @AfterEach
    void tearDown() {
        if (notifier != null) {
            notifier.close();
        }
        producer.close();
        botApi.close();
    }

    @Test
    void threeKillsDuringABroadcastMissNobodyAndRepeatOnlyTheSendsInFlight() throws Exception {
        botApi.enforce(new TelegramRateLimits(150, 3, 1));
        int port = ServiceProcess.freePort();
        notifier = ServiceProcess.start("notifier", NotifierApplication.class, settings(port),
                Files.createTempDirectory("qc-kill").resolve("notifier.log"));
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        notifier.awaitHealthy(health, Duration.ofMinutes(2));
        try (TopicProbe events = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.BROADCAST_EVENTS)) {
            BroadcastRun run = new BroadcastRun(2_000, 0.02, codec, this::publish, botApi);
            run.start(-1);

            int sendingAtKills = 0;
            for (int kill = 1; kill <= 3; kill++) {
                run.awaitDelivered(kill * 400L, WAIT);
                notifier.kill();
                int sending = sendingRows(run.id);
                assertThat(sending).as("recipients SENDING at kill %d", kill).isLessThanOrEqualTo(IN_FLIGHT);
                sendingAtKills += sending;
                notifier.restart().awaitHealthy(health, Duration.ofMinutes(2));
            }
            JsonNode outcome = run.awaitOutcome(events, WAIT);

            Map<Long, Long> deliveries = run.deliveries();
            long repeats = deliveries.values().stream().mapToLong(times -> times - 1).sum();
            assertThat(deliveries.keySet()).as("every reachable recipient reached").isEqualTo(run.reachable());
            assertThat(repeats).as("messages sent twice").isLessThanOrEqualTo(sendingAtKills);
            assertThat(outcome.path("sent").asInt()).isEqualTo(run.reachable().size());
            assertThat(outcome.path("blocked").asInt()).isEqualTo(run.blocked.size());
            assertThat(outcome.path("failed").asInt()).isZero();
        }
    }

    private Map<String, Object> settings(int port) {
        Map<String, Object> settings = new HashMap<>(TestEnvironment.infrastructure());
        settings.put("NOTIFIER_PORT", Integer.toString(port));
        settings.put("TELEGRAM_API_URL", botApi.baseUrl());
        settings.put(GoodsTransitKeys.PRIVATE_KEY_VARIABLE, GoodsTransitKeys.privateKey());
        settings.put("LOG_FORMAT", "logstash");
        settings.put("quickcart.broadcast.allow-paid-broadcast", "true");
        settings.put("quickcart.broadcast.per-second", "100");
        settings.put("quickcart.broadcast.in-flight", Integer.toString(IN_FLIGHT));
        settings.put("quickcart.broadcast.lease", "3s");
        settings.put("quickcart.broadcast.progress-every", "1s");
        settings.put("quickcart.bot-api.retry-backoff", "100ms");
        return settings;
    }

    private void publish(EventEnvelope envelope) {
        try {
            producer.send(new ProducerRecord<>(Topics.BROADCAST_COMMANDS, envelope.key(), EventCodec.encode(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Recipients whose Bot API call was under way when the notifier died. */
    private static int sendingRows(long broadcastId) throws SQLException {
        try (Connection db = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.user(), "");
             PreparedStatement query = db.prepareStatement(
                     "SELECT count(*) FROM notifier_svc.broadcast_recipients WHERE broadcast_id = ? AND state = 'SENDING'")) {
            query.setLong(1, broadcastId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
