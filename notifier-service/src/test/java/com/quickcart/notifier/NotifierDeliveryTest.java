package com.quickcart.notifier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.telegram.BotApiCall;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.testsupport.FakeTelegramBotApi;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.GoodsTransitKeys;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TestEnvironment;
import com.quickcart.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// Closed after the class: a cached context would stay in group notifier-service and take
// partitions (with a stopped fake Bot API) from the next class's context.
@DirtiesContext
@SpringBootTest(classes = NotifierApplication.class, properties = {
        "spring.config.name=notifier-service",
        "quickcart.bot-api.retry-backoff=100ms",
        "quickcart.bot-api.max-attempts=4",
        "quickcart.bot-api.global-per-second=5"})
class NotifierDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
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
    @Autowired JdbcClient jdbc;
    private TopicProbe deadLetters;

    @BeforeEach
    void watchDeadLetters() {
        deadLetters = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.deadLetter(Topics.TELEGRAM_OUTBOUND));
    }

    @AfterEach
    void stopWatching() {
        deadLetters.close();
    }

    @Test
    void aSendMessageCommandReachesTheChatAndIsLoggedWithoutItsText() {
        long chatId = TelegramUpdates.newChatId();

        send(chatId, "sendMessage", "Your licence key is ABCD-1234");

        BotCall call = awaitCalls(chatId, 1).getFirst();
        assertThat(call.text()).isEqualTo("Your licence key is ABCD-1234");
        await().atMost(WAIT).until(() -> outcomes(chatId).equals(List.of("SENT")));
        assertThat(jdbc.sql("SELECT count(*) FROM outbound_log WHERE error LIKE '%ABCD%'").query(Long.class).single()).isZero();
    }

    @Test
    void aRateLimitAnswerIsWaitedOutForRetryAfterThenTheMessageIsSent() {
        long chatId = TelegramUpdates.newChatId();
        botApi.failNext("sendMessage", 1, 429, 2);

        send(chatId, "sendMessage", "after the pause");

        List<BotCall> calls = awaitCalls(chatId, 2);
        assertThat(calls.get(0).status()).isEqualTo(429);
        assertThat(calls.get(1).status()).isEqualTo(200);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aRateLimitAnswerPausesEveryChatNotJustTheOneThatHitIt() {
        long limited = TelegramUpdates.newChatId();
        long bystander = TelegramUpdates.newChatId();
        botApi.failNext("sendMessage", 1, 429, 2);

        send(limited, "sendMessage", "hit the limit");
        BotCall refused = awaitCalls(limited, 1).getFirst();
        send(bystander, "sendMessage", "waits its turn");

        BotCall waited = awaitCalls(bystander, 1).getFirst();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Duration.between(refused.at(), waited.at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void serverErrorsAreRetriedUntilTelegramAccepts() {
        long chatId = TelegramUpdates.newChatId();
        botApi.failNext("sendMessage", 2, 502, null);

        send(chatId, "sendMessage", "third time lucky");

        assertThat(awaitCalls(chatId, 3)).extracting(BotCall::status).containsExactly(502, 502, 200);
        await().atMost(WAIT).until(() -> outcomes(chatId).equals(List.of("SENT")));
    }

    @Test
    void aQrPhotoRetriedAfterAServerErrorStillCarriesTheWholeScannableCode() throws Exception {
        long chatId = TelegramUpdates.newChatId();
        String qris = "00020101021226610016ID.CO.QRIS.WWW0118QC-RETRYQR0015204599953033605405";
        botApi.failNext("sendPhoto", 1, 502, null);
        ObjectNode body = EventCodec.mapper().createObjectNode().put("chat_id", chatId).put("caption", "Scan to pay");
        body.putObject("photo").put("qr", qris).put("file_name", "qris-QC-RETRYQR001.png");

        send(chatId, "sendPhoto", body);

        await().atMost(WAIT).until(() -> botApi.calls("sendPhoto", chatId).size() >= 2);
        List<BotCall> calls = botApi.calls("sendPhoto", chatId);
        assertThat(calls).extracting(BotCall::status).containsExactly(502, 200);
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(calls.get(1).file("photo")));
        assertThat(new com.google.zxing.MultiFormatReader().decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)))).getText()).isEqualTo(qris);
    }

    @Test
    void aUserWhoBlockedTheBotIsLoggedUnreachableAndNotRetried() {
        long chatId = TelegramUpdates.newChatId();
        botApi.failNext("sendMessage", 1, 403, null);

        send(chatId, "sendMessage", "hello?");

        await().atMost(WAIT).until(() -> outcomes(chatId).equals(List.of("UNREACHABLE")));
        assertThat(botApi.calls("sendMessage", chatId)).hasSize(1);
        assertThat(deadLetters.seen(s -> Long.toString(chatId).equals(s.key()))).isEmpty();
    }

    @Test
    void aTelegramOutageLongerThanTheQuickRetriesIsWaitedOutNotDeadLettered() {
        long chatId = TelegramUpdates.newChatId();
        botApi.failNext("sendMessage", 7, 500, null); // past max-attempts=4 of the quick tries

        send(chatId, "sendMessage", "sent once Telegram is back");
        send(chatId, "sendMessage", "and then this one");

        await().atMost(WAIT).until(() -> outcomes(chatId).equals(List.of("SENT", "SENT")));
        assertThat(botApi.calls("sendMessage", chatId)).filteredOn(c -> c.status() == 200).extracting(BotCall::text)
                .containsExactly("sent once Telegram is back", "and then this one");
        assertThat(deadLetters.seen(s -> Long.toString(chatId).equals(s.key()))).isEmpty();
    }

    @Test
    void aRequestTelegramRefusesIsDeadLetteredAndTheChatsNextMessageStillGoesOut() {
        long chatId = TelegramUpdates.newChatId();
        botApi.failNext("sendMessage", 1, 400, null); // "Bad Request: chat not found"

        send(chatId, "sendMessage", "doomed");
        send(chatId, "sendMessage", "next one");

        TopicProbe.Seen dead = deadLetters.awaitOne(s -> Long.toString(chatId).equals(s.key()), WAIT);
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value())).contains("chat not found");
        await().atMost(WAIT).until(() -> botApi.calls("sendMessage", chatId).stream()
                .anyMatch(c -> c.status() == 200 && c.text().equals("next one")));
        assertThat(botApi.calls("sendMessage", chatId)).hasSize(2); // refused once, never retried
    }

    @Test
    void anEditOfAMessageThatIsGoneCountsAsDoneAndIsNotDeadLettered() {
        long chatId = TelegramUpdates.newChatId();
        botApi.refuseNext("editMessageText", 400, "Bad Request: message to edit not found");

        send(chatId, "editMessageText", edit(chatId, 77, "Order cancelled"));
        send(chatId, "sendMessage", "marker");

        await().atMost(WAIT).until(() -> outcomes(chatId).equals(List.of("OBSOLETE", "SENT")));
        assertThat(deadLetters.seen(s -> Long.toString(chatId).equals(s.key()))).isEmpty();
    }

    @Test
    void aTextEditAimedAtTheQrPhotoBecomesACaptionEditWithTheSameButtons() {
        long chatId = TelegramUpdates.newChatId();
        botApi.refuseNext("editMessageText", 400, "Bad Request: there is no text in the message to edit");
        ObjectNode body = edit(chatId, 42, "Order Q-1 cancelled.");
        body.putObject("reply_markup").putArray("inline_keyboard").addArray()
                .addObject().put("text", "Main menu").put("callback_data", "menu");

        send(chatId, "editMessageText", body);

        await().atMost(WAIT).until(() -> !botApi.calls("editMessageCaption", chatId).isEmpty());
        BotCall caption = botApi.calls("editMessageCaption", chatId).getFirst();
        assertThat(caption.params().path("message_id").asInt()).isEqualTo(42);
        assertThat(caption.text()).isEqualTo("Order Q-1 cancelled.");
        assertThat(caption.buttons()).containsExactly("Main menu|menu");
        await().atMost(WAIT).until(() -> outcomes(chatId).equals(List.of("NOT_A_TEXT_MESSAGE", "SENT")));
        assertThat(deadLetters.seen(s -> Long.toString(chatId).equals(s.key()))).isEmpty();
    }

    @Test
    void aChatWaitingForItsPaceDoesNotDelayAnotherChatOnTheSamePartition() {
        long busy = TelegramUpdates.newChatId();
        long other = samePartitionAs(busy);

        for (int i = 1; i <= 6; i++) {
            send(busy, "sendMessage", "busy " + i); // 3 at once, then one a second
        }
        send(other, "sendMessage", "not kept waiting");

        List<BotCall> busyCalls = awaitCalls(busy, 6);
        BotCall otherCall = awaitCalls(other, 1).getFirst();
        assertThat(otherCall.at()).isBefore(busyCalls.get(3).at());
        assertThat(busyCalls).extracting(BotCall::text).containsExactly("busy 1", "busy 2", "busy 3", "busy 4", "busy 5", "busy 6");
    }

    @Test
    void aLiveReplyIsNotHeldBehindBulkNoticesWhichKeepTheBotWideBudget() {
        List<Long> recipients = java.util.stream.LongStream.range(0, 15).map(i -> TelegramUpdates.newChatId()).boxed().toList();
        long customer = TelegramUpdates.newChatId();

        recipients.forEach(chatId -> send(chatId, "sendMessage", "bulk notice", BotApiCall.Lane.BULK));
        send(customer, "sendMessage", "your screen");

        await().atMost(WAIT).until(() -> recipients.stream().allMatch(chatId -> !botApi.calls("sendMessage", chatId).isEmpty()));
        List<java.time.Instant> bulkTimes = recipients.stream().map(chatId -> botApi.calls("sendMessage", chatId).getFirst().at())
                .sorted().toList();
        // 5 a second (global-per-second=5): a burst of 5, then 10 more over about two seconds.
        assertThat(Duration.between(bulkTimes.getFirst(), bulkTimes.getLast())).isGreaterThanOrEqualTo(Duration.ofMillis(1700));
        assertThat(awaitCalls(customer, 1).getFirst().at()).isBefore(bulkTimes.getLast());
    }

    @Test
    void aMethodOutsideTheAllowListIsNeverCalled() {
        long chatId = TelegramUpdates.newChatId();

        send(chatId, "leaveChat", "whatever");

        TopicProbe.Seen dead = deadLetters.awaitOne(s -> Long.toString(chatId).equals(s.key()), WAIT);
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value())).contains("not allowed");
        assertThat(botApi.callsMatching(c -> c.method().equals("leaveChat"))).isEmpty();
    }

    @Test
    void theSameCommandDeliveredTwiceIsSentOnce() {
        long chatId = TelegramUpdates.newChatId();
        EventEnvelope once = envelope(chatId, "sendMessage", "only once");

        kafka.send(Topics.TELEGRAM_OUTBOUND, once.key(), once);
        kafka.send(Topics.TELEGRAM_OUTBOUND, once.key(), once);
        send(chatId, "sendMessage", "marker");

        await().atMost(WAIT).until(() -> botApi.calls("sendMessage", chatId).stream().anyMatch(c -> c.text().equals("marker")));
        assertThat(botApi.calls("sendMessage", chatId)).extracting(BotCall::text).containsExactly("only once", "marker");
    }

    @Test
    void aBurstToOneChatIsPacedToAboutOneMessageASecondAfterTheFirstFew() {
        long chatId = TelegramUpdates.newChatId();

        for (int i = 1; i <= 5; i++) {
            send(chatId, "sendMessage", "burst " + i);
        }

        List<BotCall> calls = awaitCalls(chatId, 5);
        // Three go at once (the burst), the fourth and fifth wait a second each.
        assertThat(Duration.between(calls.get(0).at(), calls.get(4).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1800));
        assertThat(calls).extracting(BotCall::text).containsExactly("burst 1", "burst 2", "burst 3", "burst 4", "burst 5");
    }

    private void send(long chatId, String method, String text) {
        send(chatId, method, text, BotApiCall.Lane.LIVE);
    }

    private void send(long chatId, String method, String text, BotApiCall.Lane lane) {
        ObjectNode body = EventCodec.mapper().createObjectNode().put("chat_id", Long.toString(chatId)).put("text", text);
        EventEnvelope envelope = codec.wrap(Long.toString(chatId), new BotApiCall(chatId, method, body, lane));
        kafka.send(Topics.TELEGRAM_OUTBOUND, envelope.key(), envelope);
    }

    private void send(long chatId, String method, ObjectNode body) {
        EventEnvelope envelope = codec.wrap(Long.toString(chatId), new BotApiCall(chatId, method, body));
        kafka.send(Topics.TELEGRAM_OUTBOUND, envelope.key(), envelope);
    }

    private EventEnvelope envelope(long chatId, String method, String text) {
        ObjectNode body = EventCodec.mapper().createObjectNode().put("chat_id", Long.toString(chatId)).put("text", text);
        return codec.wrap(Long.toString(chatId), new BotApiCall(chatId, method, body));
    }

    private static ObjectNode edit(long chatId, int messageId, String text) {
        return EventCodec.mapper().createObjectNode().put("chat_id", Long.toString(chatId)).put("message_id", messageId).put("text", text);
    }

    /** Another new chat whose commands land on the same partition of telegram.outbound as {@code chatId}'s. */
    private long samePartitionAs(long chatId) {
        int partitions = kafka.partitionsFor(Topics.TELEGRAM_OUTBOUND).size();
        int wanted = BuiltInPartitioner.partitionForKey(Long.toString(chatId).getBytes(StandardCharsets.UTF_8), partitions);
        while (true) {
            long candidate = TelegramUpdates.newChatId();
            if (BuiltInPartitioner.partitionForKey(Long.toString(candidate).getBytes(StandardCharsets.UTF_8), partitions) == wanted) {
                return candidate;
            }
        }
    }

    private List<BotCall> awaitCalls(long chatId, int count) {
        await().atMost(WAIT).until(() -> botApi.calls("sendMessage", chatId).size() >= count);
        return botApi.calls("sendMessage", chatId);
    }

    private List<String> outcomes(long chatId) {
        return jdbc.sql("SELECT outcome FROM outbound_log WHERE chat_id = :chatId ORDER BY id")
                .param("chatId", chatId).query(String.class).list();
    }
}
