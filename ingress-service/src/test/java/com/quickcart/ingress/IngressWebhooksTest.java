package com.quickcart.ingress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.common.events.Topics;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.common.goods.GoodsOpener;
import com.quickcart.common.goods.UpdateText;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.UpdateTransitKeys;
import com.quickcart.testsupport.TestEnvironment;
import com.quickcart.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=ingress-service")
class IngressWebhooksTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private TopicProbe updates;
    private TopicProbe callbacks;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.infrastructure().forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void watch() {
        updates = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.TELEGRAM_UPDATES);
        callbacks = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.PAKASIR_CALLBACKS);
    }

    @AfterEach
    void stopWatching() {
        updates.close();
        callbacks.close();
    }

    @LocalServerPort int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aGenuineUpdateIsPublishedKeyedByChatBeforeTelegramGets200() throws Exception {
        long chatId = TelegramUpdates.newChatId();
        ObjectNode update = TelegramUpdates.text(TelegramUpdates.nextUpdateId(), chatId, "/start", "id");

        HttpResponse<String> response = telegram(update.toString(), TestEnvironment.WEBHOOK_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        // acks=all before 200: the record is already on the topic, not merely on its way.
        TopicProbe.Seen seen = updates.awaitOne(s -> Long.toString(chatId).equals(s.key()), WAIT);
        assertThat(seen.type()).isEqualTo("TelegramUpdateReceived");
        assertThat(seen.value().toString()).as("what the user typed is not on the topic in clear").doesNotContain("/start");
        ObjectNode published = (ObjectNode) seen.payload().path("update");
        UpdateText.open(published, new GoodsOpener(GoodsOpener.privateKey(UpdateTransitKeys.privateKey()), List.of()),
                UUID.fromString(seen.value().path("eventId").asText()));
        assertThat(published).as("order-service opens exactly the update Telegram sent")
                .isEqualTo(EventCodec.mapper().readTree(update.toString()));
    }

    @Test
    void telegramsRetryOfAnUpdateCarriesTheSameEventId() throws Exception {
        long chatId = TelegramUpdates.newChatId();
        String update = TelegramUpdates.text(TelegramUpdates.nextUpdateId(), chatId, "hello", "en").toString();

        telegram(update, TestEnvironment.WEBHOOK_SECRET);
        telegram(update, TestEnvironment.WEBHOOK_SECRET);

        await().atMost(WAIT).until(() -> updates.seen(s -> Long.toString(chatId).equals(s.key())).size() == 2);
        assertThat(updates.seen(s -> Long.toString(chatId).equals(s.key())))
                .extracting(s -> s.value().path("eventId").asText()).containsOnly(
                        updates.seen(s -> Long.toString(chatId).equals(s.key())).getFirst().value().path("eventId").asText());
    }

    @Test
    void aButtonTapIsKeyedByTheChatItCameFrom() throws Exception {
        long chatId = TelegramUpdates.newChatId();

        telegram(TelegramUpdates.callback(TelegramUpdates.nextUpdateId(), chatId, 77, "menu").toString(), TestEnvironment.WEBHOOK_SECRET);

        updates.awaitOne(s -> Long.toString(chatId).equals(s.key()), WAIT);
    }

    @Test
    void aMissingOrWrongSecretIsRefusedWith401AndNothingIsPublished() throws Exception {
        long chatId = TelegramUpdates.newChatId();
        String update = TelegramUpdates.text(TelegramUpdates.nextUpdateId(), chatId, "/start", "en").toString();

        assertThat(telegram(update, null).statusCode()).isEqualTo(401);
        assertThat(telegram(update, "wrong-secret").statusCode()).isEqualTo(401);
        assertThat(telegram(update, TestEnvironment.WEBHOOK_SECRET + "x").statusCode()).isEqualTo(401);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> updates.seen(s -> Long.toString(chatId).equals(s.key())).isEmpty());
    }

    @Test
    void malformedBodiesAreRefusedWith400() throws Exception {
        assertThat(telegram("{not json", TestEnvironment.WEBHOOK_SECRET).statusCode()).isEqualTo(400);
        assertThat(telegram("[1,2]", TestEnvironment.WEBHOOK_SECRET).statusCode()).isEqualTo(400);
        assertThat(telegram("{\"message\":{}}", TestEnvironment.WEBHOOK_SECRET).statusCode()).isEqualTo(400);
        assertThat(telegram("{\"update_id\":\"12\"}", TestEnvironment.WEBHOOK_SECRET).statusCode()).isEqualTo(400);
        assertThat(telegram("{\"update_id\":1.5}", TestEnvironment.WEBHOOK_SECRET).statusCode()).isEqualTo(400);
        assertThat(telegram("", TestEnvironment.WEBHOOK_SECRET).statusCode()).isEqualTo(400);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() throws Exception {
        String huge = "{\"update_id\":1,\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";

        assertThat(telegram(huge, TestEnvironment.WEBHOOK_SECRET).statusCode()).isEqualTo(413);
    }

    @Test
    void aPakasirCallbackOverItsOwnEightKibibyteLimitIsRefusedWith413AndNotPublished() throws Exception {
        String orderId = "QC-" + UUID.randomUUID().toString().substring(0, 8);
        String padded = """
                {"amount":22000,"order_id":"%s","project":"%s","status":"completed",
                 "payment_method":"qris","completed_at":"2026-11-24T10:00:00.000+07:00","pad":"%s"}
                """.formatted(orderId, TestEnvironment.PAKASIR_PROJECT, "x".repeat(9 * 1024));

        assertThat(pakasir(padded).statusCode()).isEqualTo(413);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> callbacks.seen(s -> orderId.equals(s.key())).isEmpty());
    }

    @Test
    void aPakasirCallbackIsPublishedKeyedByOrderId() throws Exception {
        String orderId = "QC-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"amount":22000,"order_id":"%s","project":"%s","status":"completed",
                 "payment_method":"qris","completed_at":"2026-11-24T10:00:00.000+07:00"}
                """.formatted(orderId, TestEnvironment.PAKASIR_PROJECT);

        assertThat(pakasir(body).statusCode()).isEqualTo(200);

        TopicProbe.Seen seen = callbacks.awaitOne(s -> orderId.equals(s.key()), WAIT);
        assertThat(seen.type()).isEqualTo("PakasirCallbackReceived");
        assertThat(seen.payload().path("amount").asLong()).isEqualTo(22000);
        assertThat(seen.payload().path("status").asText()).isEqualTo("completed");
    }

    @Test
    void aPakasirCallbackThatDoesNotValidateIsRefusedAndNotPublished() throws Exception {
        String orderId = "QC-" + UUID.randomUUID().toString().substring(0, 8);
        String project = TestEnvironment.PAKASIR_PROJECT;

        assertThat(pakasir("{\"amount\":0,\"order_id\":\"%s\",\"project\":\"%s\",\"status\":\"completed\"}".formatted(orderId, project)).statusCode()).isEqualTo(400);
        assertThat(pakasir("{\"amount\":-5,\"order_id\":\"%s\",\"project\":\"%s\",\"status\":\"completed\"}".formatted(orderId, project)).statusCode()).isEqualTo(400);
        assertThat(pakasir("{\"amount\":\"22000\",\"order_id\":\"%s\",\"project\":\"%s\",\"status\":\"completed\"}".formatted(orderId, project)).statusCode()).isEqualTo(400);
        assertThat(pakasir("{\"amount\":22000,\"project\":\"%s\",\"status\":\"completed\"}".formatted(project)).statusCode()).isEqualTo(400);
        assertThat(pakasir("{\"amount\":22000,\"order_id\":\"a b;drop\",\"project\":\"%s\",\"status\":\"completed\"}".formatted(project)).statusCode()).isEqualTo(400);
        assertThat(pakasir("{\"amount\":22000,\"order_id\":\"%s\",\"project\":\"%s\"}".formatted(orderId, project)).statusCode()).isEqualTo(400);
        assertThat(pakasir("{\"amount\":22000,\"order_id\":\"%s\",\"project\":\"someone-else\",\"status\":\"completed\"}".formatted(orderId)).statusCode()).isEqualTo(403);
        assertThat(pakasir("nonsense").statusCode()).isEqualTo(400);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> callbacks.seen(s -> orderId.equals(s.key())).isEmpty());
    }

    private HttpResponse<String> telegram(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> pakasir(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pakasir/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
