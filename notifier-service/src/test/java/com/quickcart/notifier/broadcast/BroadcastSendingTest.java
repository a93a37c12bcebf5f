package com.quickcart.notifier.broadcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.order.BroadcastControl;
import com.quickcart.common.events.telegram.BotApiCall;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.notifier.NotifierApplication;
import com.quickcart.testsupport.FakeTelegramBotApi;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.GoodsTransitKeys;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.TelegramRateLimits;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TestEnvironment;
import com.quickcart.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Broadcasts against a fake Bot API that enforces Telegram's limits (429 with retry_after past the
 * overall and per-chat rates), scaled down for CI: 2,000 recipients at 100 a second under a limit
 * of 150 (the full 10,000 at Telegram's own limits is bench's broadcast step).
 */
@DirtiesContext
@SpringBootTest(classes = NotifierApplication.class, properties = {
        "spring.config.name=notifier-service",
        "quickcart.bot-api.retry-backoff=100ms",
        "quickcart.broadcast.allow-paid-broadcast=true",
        "quickcart.broadcast.per-second=100",
        "quickcart.broadcast.progress-every=1s",
        "quickcart.broadcast.retry-backoff=200ms",
        "quickcart.broadcast.lease=5s"})
class BroadcastSendingTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final FakeTelegramBotApi botApi = new FakeTelegramBotApi();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.infrastructure().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("TELEGRAM_API_URL", botApi::baseUrl);
        registry.add(GoodsTransitKeys.PRIVATE_KEY_VARIABLE, GoodsTransitKeys::privateKey);
    }

    @AfterAll
    static void stopFake() {
        botApi.close();
    }

    @Autowired KafkaTemplate<String, EventEnvelope> kafka;
    @Autowired EventCodec codec;
    private TopicProbe events;
    private TelegramRateLimits limits;

    @BeforeEach
    void watch() {
        events = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.BROADCAST_EVENTS);
        limits = new TelegramRateLimits(150, 3, 1);
        botApi.enforce(limits);
    }

    @AfterEach
    void stopWatching() {
        events.close();
        botApi.enforce(null);
    }

    @Test
    void everyReachableRecipientGetsTheMessageOnceBlockedOnesAreCountedAndOurPacingCausesNoRateLimit() {
        BroadcastRun run = new BroadcastRun(2_000, 0.02, codec, this::publish, botApi);

        run.start(2); // chunk 2 arrives twice
        run.awaitDelivered(500, WAIT);
        botApi.failNext("sendMessage", 2, 429, 1); // Telegram's flood control, whatever our pacing
        JsonNode outcome = run.awaitOutcome(events, WAIT);

        Map<Long, Long> deliveries = run.deliveries();
        assertThat(deliveries.keySet()).isEqualTo(run.reachable());
        assertThat(deliveries.values()).allMatch(times -> times == 1);
        assertThat(outcome.path("state").asText()).isEqualTo("FINISHED");
        assertThat(outcome.path("sent").asInt()).isEqualTo(1_960);
        assertThat(outcome.path("blocked").asInt()).isEqualTo(40);
        assertThat(outcome.path("failed").asInt()).isZero();
        assertThat(outcome.path("remaining").asInt()).isZero();
        assertThat(limits.refused()).as("429s our own pacing caused").isZero();
        await().atMost(WAIT).until(() -> unreachableReported().containsAll(run.blocked));
        assertThat(run.progress(events)).filteredOn(p -> !p.path("finished").asBoolean()).isNotEmpty()
                .allMatch(p -> p.path("sent").asInt() <= 1_960);
    }

    @Test
    void aCustomersReplyDuringABroadcastGoesOutAheadOfTheBroadcastsQueue() {
        BroadcastRun run = new BroadcastRun(1_500, 0, codec, this::publish, botApi);
        long customer = TelegramUpdates.newChatId();

        run.start(-1);
        run.awaitDelivered(300, WAIT);
        Instant tapped = Instant.now();
        long deliveredAtTap = run.delivered();
        reply(customer, "your product list");
        await().atMost(WAIT).until(() -> !botApi.calls("sendMessage", customer).isEmpty());
        BotCall answer = botApi.calls("sendMessage", customer).getFirst();
        long broadcastSendsMeanwhile = run.calls().stream()
                .filter(c -> c.status() == 200 && c.at().isAfter(tapped) && c.at().isBefore(answer.at())).count();

        // Behind the broadcast the reply would wait for the other ~1,200 recipients (12 s at 100/s).
        assertThat(broadcastSendsMeanwhile).as("broadcast messages sent between the tap and its answer").isLessThan(50);
        assertThat(deliveredAtTap + broadcastSendsMeanwhile).isLessThan(run.audience.size());
        run.awaitOutcome(events, WAIT);
    }

    @Test
    void aPausedBroadcastSendsNothingUntilResumedAndACancelledOneReportsWhatWasNotSent() {
        BroadcastRun run = new BroadcastRun(1_000, 0, codec, this::publish, botApi);

        run.start(-1);
        run.awaitDelivered(100, WAIT);
        run.control(BroadcastControl.Action.PAUSE);
        await().atMost(WAIT).pollDelay(Duration.ofMillis(500)).until(() -> stableFor(run, Duration.ofSeconds(1)));
        long whilePaused = run.delivered();
        assertThat(whilePaused).isLessThan(1_000);

        run.control(BroadcastControl.Action.RESUME);
        run.awaitDelivered(whilePaused + 100, WAIT);
        run.control(BroadcastControl.Action.CANCEL);
        JsonNode outcome = run.awaitOutcome(events, WAIT);

        assertThat(outcome.path("state").asText()).isEqualTo("CANCELLED");
        assertThat(outcome.path("sent").asLong()).isEqualTo(run.delivered());
        assertThat(outcome.path("remaining").asInt()).isZero();
        assertThat(run.delivered()).isLessThan(1_000);
        assertThat(run.deliveries().values()).allMatch(times -> times == 1);
    }

    private void publish(EventEnvelope envelope) {
        kafka.send(Topics.BROADCAST_COMMANDS, envelope.key(), envelope);
    }

    private boolean stableFor(BroadcastRun run, Duration quiet) throws InterruptedException {
        long before = run.delivered();
        Thread.sleep(quiet);
        return run.delivered() == before;
    }

    private Set<Long> unreachableReported() {
        return events.seen(s -> "ChatUnreachable".equals(s.type())).stream().map(s -> s.payload().path("chatId").asLong())
                .collect(Collectors.toSet());
    }

    private void reply(long chatId, String text) {
        ObjectNode body = EventCodec.mapper().createObjectNode().put("chat_id", Long.toString(chatId)).put("text", text);
        EventEnvelope envelope = codec.wrap(Long.toString(chatId), new BotApiCall(chatId, "sendMessage", body));
        kafka.send(Topics.TELEGRAM_OUTBOUND, envelope.key(), envelope);
    }
}
