package com.quickcart.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox chat's wire behaviour, without the services: a stand-in ingress records what Telegram would have posted. */
class SandboxChatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SITI = SandboxPersona.ALL.getFirst().id();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Ingress ingress = new Ingress();
    private final FakeTelegramBotApi botApi = new FakeTelegramBotApi();

    SandboxChatTest() {
        botApi.openSandbox(URI.create(ingress.baseUrl() + "/telegram/webhook"), "sandbox-secret");
    }

    @AfterEach
    void stop() {
        botApi.close();
        ingress.close();
    }

    @Test
    void whatThePersonTypesReachesTheWebhookAsTheirTelegramUpdateWithTheSecret() throws Exception {
        assertThat(post("/sandbox/api/chats/" + SITI + "/messages", "{\"text\":\"/start\"}").statusCode()).isEqualTo(200);

        JsonNode message = ingress.updates.getFirst().path("message");
        assertThat(message.path("text").asText()).isEqualTo("/start");
        assertThat(message.path("from").path("first_name").asText()).isEqualTo("Siti");
        assertThat(message.path("chat").path("id").asLong()).isEqualTo(SITI);
        assertThat(message.path("entities").path(0).path("type").asText()).isEqualTo("bot_command");
        assertThat(ingress.secrets).containsExactly("sandbox-secret");
        assertThat(view(SITI).path("messages").path(0).path("out").asBoolean()).isTrue();
    }

    @Test
    void anEditReplacesTheMessageInPlaceAndDropsAKeyboardItDoesNotName() throws Exception {
        int id = bot("sendMessage", "{\"chat_id\":" + SITI + ",\"text\":\"Your name?\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Skip\",\"callback_data\":\"skip\"}]]}}")
                .path("result").path("message_id").asInt();
        bot("editMessageText", "{\"chat_id\":" + SITI + ",\"message_id\":" + id + ",\"text\":\"Your email?\"}");

        JsonNode messages = view(SITI).path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.path(0).path("text").asText()).isEqualTo("Your email?");
        assertThat(messages.path(0).path("edited").asBoolean()).isTrue();
        assertThat(messages.path(0).has("inline_keyboard")).isFalse();
    }

    @Test
    void aTapReachesTheStoreWithItsMessageAndTheAnswerShowsAsAToastInThatChat() throws Exception {
        int id = bot("sendMessage", "{\"chat_id\":" + SITI + ",\"text\":\"Menu\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Products\",\"callback_data\":\"cats\"}]]}}")
                .path("result").path("message_id").asInt();

        assertThat(post("/sandbox/api/chats/" + SITI + "/taps", "{\"message_id\":" + id + ",\"data\":\"cats\"}").statusCode()).isEqualTo(200);
        JsonNode query = ingress.updates.getFirst().path("callback_query");
        assertThat(query.path("data").asText()).isEqualTo("cats");
        assertThat(query.path("message").path("message_id").asInt()).isEqualTo(id);
        assertThat(query.path("message").path("from").path("is_bot").asBoolean()).isTrue();
        bot("answerCallbackQuery", "{\"callback_query_id\":\"" + query.path("id").asText() + "\",\"text\":\"That button is old\"}");

        assertThat(view(SITI).path("toasts").findValuesAsText("text")).containsExactly("That button is old");
    }

    @Test
    void aTapOnAButtonTheMessageDoesNotCarryIsRefusedAndNeverReachesTheStore() throws Exception {
        int id = bot("sendMessage", "{\"chat_id\":" + SITI + ",\"text\":\"Menu\"}").path("result").path("message_id").asInt();

        HttpResponse<String> refused = post("/sandbox/api/chats/" + SITI + "/taps", "{\"message_id\":" + id + ",\"data\":\"pay:b:1:99\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("no button");
        assertThat(ingress.updates).isEmpty();
    }

    @Test
    void anOperatorsReplyQuotesTheForwardedMessageAndTheCopyShowsInTheCustomersChat() throws Exception {
        int forwarded = bot("sendMessage", "{\"chat_id\":" + SandboxPersona.OPERATOR_ID + ",\"text\":\"From Siti #T7\"}")
                .path("result").path("message_id").asInt();
        post("/sandbox/api/chats/" + SandboxPersona.OPERATOR_ID + "/messages", "{\"text\":\"Yes, we do\",\"reply_to\":" + forwarded + "}");
        JsonNode reply = ingress.updates.getFirst().path("message");
        assertThat(reply.path("reply_to_message").path("text").asText()).isEqualTo("From Siti #T7");

        bot("copyMessage", "{\"chat_id\":" + SITI + ",\"from_chat_id\":" + SandboxPersona.OPERATOR_ID + ",\"message_id\":"
                + reply.path("message_id").asInt() + "}");

        JsonNode copy = view(SITI).path("messages").path(0);
        assertThat(copy.path("text").asText()).isEqualTo("Yes, we do");
        assertThat(copy.path("out").asBoolean()).isFalse();
    }

    @Test
    void badRequestsGetAClearFourHundred() throws Exception {
        assertThat(post("/sandbox/api/chats/" + SITI + "/messages", "{\"text\":\"   \"}").statusCode()).isEqualTo(400);
        assertThat(post("/sandbox/api/chats/" + SITI + "/messages", "{\"text\":\"" + "x".repeat(4097) + "\"}").statusCode()).isEqualTo(400);
        assertThat(post("/sandbox/api/chats/" + SITI + "/messages", "{\"text\":\"hi\",\"reply_to\":424242}").body()).contains("reply_to");
        assertThat(post("/sandbox/api/chats/42/messages", "{\"text\":\"hi\"}").statusCode()).isEqualTo(404);
        assertThat(ingress.updates).isEmpty();
    }

    private JsonNode view(long chat) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(botApi.baseUrl() + "/sandbox/api/chats/" + chat)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode bot(String method, String json) throws Exception {
        return JSON.readTree(send(botApi.baseUrl() + "/bot" + FakeTelegramBotApi.TOKEN + "/" + method, json).body());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(botApi.baseUrl() + path, json);
    }

    private static HttpResponse<String> send(String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Records what reaches /telegram/webhook, as the real ingress would receive it. */
    private static final class Ingress extends FakeHttpServer {
        final List<JsonNode> updates = new CopyOnWriteArrayList<>();
        final List<String> secrets = new CopyOnWriteArrayList<>();

        Ingress() {
            super(0, 2);
            route("/telegram/webhook", exchange -> {
                try (exchange) {
                    secrets.add(exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"));
                    updates.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                    respond(exchange, 200, "application/json", new byte[0]);
                }
            });
        }
    }
}
