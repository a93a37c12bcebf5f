package com.quickcart.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox chat page and its small JSON API, served by the fake Bot API. What a person types
 * or taps becomes Telegram's own Update JSON, posted to the ingress webhook with the webhook
 * secret, exactly as Telegram would; what the bot answers reaches the page through
 * {@link SandboxChats}, which the fake Bot API feeds.
 */
final class ChatSandbox {

    /** Telegram's limit for a message's text. */
    private static final int MAX_TEXT = 4096;
    private static final Map<String, String> ASSETS = Map.of(
            "/", "index.html", "/sandbox/app.js", "app.js", "/sandbox/app.css", "app.css");
    private static final Pattern CHAT = Pattern.compile("/sandbox/api/chats/(\\d{1,18})(/messages|/taps)?");

    private final SandboxChats chats;
    private final URI webhook;
    private final String secret;
    private final IntSupplier messageIds;
    private final ObjectNode bot;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * Update ids only grow, also across restarts of the local run: order-service drops an update
     * whose id it already handled, and its database outlives this process. Ten ids a second of
     * uptime since 2023 stays ahead of any earlier run and fits Telegram's 32-bit update_id
     * until 2029.
     */
    private final AtomicLong updateIds = new AtomicLong((Instant.now().getEpochSecond() - 1_700_000_000L) * 10);
    private final AtomicLong callbackIds = new AtomicLong(Instant.now().toEpochMilli());

    ChatSandbox(SandboxChats chats, URI webhook, String secret, IntSupplier messageIds, ObjectNode bot) {
        this.chats = chats;
        this.webhook = webhook;
        this.secret = secret;
        this.messageIds = messageIds;
        this.bot = bot;
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String verb = exchange.getRequestMethod();
        if (verb.equals("GET") && ASSETS.containsKey(path)) {
            asset(exchange, ASSETS.get(path));
        } else if (verb.equals("GET") && path.equals("/sandbox/api/chats")) {
            FakeHttpServer.respond(exchange, 200, personas());
        } else if (verb.equals("GET") && path.startsWith("/sandbox/files/")) {
            file(exchange, path.substring("/sandbox/files/".length()));
        } else {
            Matcher chat = CHAT.matcher(path);
            Optional<SandboxPersona> persona = chat.matches() ? SandboxPersona.byId(Long.parseLong(chat.group(1))) : Optional.empty();
            if (persona.isEmpty()) {
                problem(exchange, 404, "no such page or sandbox chat: " + path);
            } else if (verb.equals("GET") && chat.group(2) == null) {
                FakeHttpServer.respond(exchange, 200, chats.view(persona.get().id()));
            } else if (verb.equals("POST") && "/messages".equals(chat.group(2))) {
                send(exchange, persona.get(), body(exchange));
            } else if (verb.equals("POST") && "/taps".equals(chat.group(2))) {
                tap(exchange, persona.get(), body(exchange));
            } else {
                problem(exchange, 405, verb + " is not allowed on " + path);
            }
        }
    }

    /** The person typed a message (or tapped a reply-keyboard button, which sends its label). */
    private void send(HttpExchange exchange, SandboxPersona persona, JsonNode body) throws IOException {
        String text = body.path("text").asText("").strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            problem(exchange, 400, "text must be 1 to " + MAX_TEXT + " characters");
            return;
        }
        Integer replyTo = body.hasNonNull("reply_to") ? body.get("reply_to").asInt() : null;
        ObjectNode original = null;
        if (replyTo != null) {
            original = chats.find(persona.id(), replyTo).map(m -> asTelegramMessage(persona, m)).orElse(null);
            if (original == null) {
                problem(exchange, 400, "reply_to names no message of this chat");
                return;
            }
        }
        int messageId = messageIds.getAsInt();
        chats.personSent(persona.id(), messageId, text, replyTo);
        deliver(exchange, TelegramUpdates.message(updateIds.incrementAndGet(), messageId, persona.telegramUser(), text, original));
    }

    /** The person tapped an inline button: only a button the bot really put on that message counts. */
    private void tap(HttpExchange exchange, SandboxPersona persona, JsonNode body) throws IOException {
        String data = body.path("data").asText("");
        Optional<ObjectNode> message = chats.find(persona.id(), body.path("message_id").asInt(-1));
        boolean offered = message.isPresent() && message.get().path("inline_keyboard").findValuesAsText("callback_data").contains(data);
        if (!offered) {
            problem(exchange, 400, "that message has no button with this callback_data");
            return;
        }
        String callbackId = Long.toString(callbackIds.incrementAndGet());
        chats.tapSent(callbackId, persona.id());
        deliver(exchange, TelegramUpdates.callback(updateIds.incrementAndGet(), callbackId, persona.telegramUser(),
                asTelegramMessage(persona, message.get()), data));
    }

    /** Posts the update to the ingress as Telegram does; the page hears whether the store took it. */
    private void deliver(HttpExchange exchange, ObjectNode update) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            problem(exchange, 502, "the ingress at " + webhook + " did not answer: " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(exchange, 503, "interrupted");
            return;
        }
        if (status != 200) {
            problem(exchange, 502, "the ingress answered " + status + " to the update");
            return;
        }
        FakeHttpServer.respond(exchange, 200, FakeHttpServer.JSON.createObjectNode().put("ok", true));
    }

    /** A stored message as the Message object Telegram puts in a callback query or a reply. */
    private ObjectNode asTelegramMessage(SandboxPersona persona, ObjectNode stored) {
        ObjectNode message = FakeHttpServer.JSON.createObjectNode();
        message.put("message_id", stored.path("id").asInt());
        message.set("from", stored.path("out").asBoolean() ? persona.telegramUser() : bot);
        message.set("chat", TelegramUpdates.privateChat(persona.telegramUser()));
        message.put("date", stored.path("date").asLong());
        message.put(stored.path("kind").asText().equals("text") ? "text" : "caption", stored.path("text").asText(""));
        if (stored.has("inline_keyboard")) {
            message.putObject("reply_markup").set("inline_keyboard", stored.get("inline_keyboard"));
        }
        return message;
    }

    private ArrayNode personas() {
        ArrayNode list = FakeHttpServer.JSON.createArrayNode();
        for (SandboxPersona persona : SandboxPersona.ALL) {
            list.addObject().put("id", persona.id()).put("name", persona.firstName()).put("username", persona.username())
                    .put("language", persona.language()).put("operator", persona.operator())
                    .put("version", chats.version(persona.id()));
        }
        return list;
    }

    private void file(HttpExchange exchange, String key) throws IOException {
        Optional<SandboxChats.StoredFile> file = chats.file(key);
        if (file.isEmpty()) {
            problem(exchange, 404, "no such file");
            return;
        }
        if (!file.get().contentType().startsWith("image/")) {
            exchange.getResponseHeaders().set("Content-Disposition", "inline; filename=\"" + file.get().name() + "\"");
        }
        FakeHttpServer.respond(exchange, 200, file.get().contentType(), file.get().bytes());
    }

    private static void asset(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = ChatSandbox.class.getResourceAsStream("/sandbox/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sandbox/" + name + " is missing from test-support's resources");
            }
            String type = name.endsWith(".html") ? "text/html" : name.endsWith(".js") ? "text/javascript" : "text/css";
            FakeHttpServer.respond(exchange, 200, type + "; charset=utf-8", in.readAllBytes());
        }
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(64 * 1024);
        try {
            JsonNode body = FakeHttpServer.JSON.readTree(bytes);
            return body == null ? FakeHttpServer.JSON.createObjectNode() : body;
        } catch (IOException e) {
            return FakeHttpServer.JSON.createObjectNode();
        }
    }

    private static void problem(HttpExchange exchange, int status, String message) throws IOException {
        FakeHttpServer.respond(exchange, status, FakeHttpServer.JSON.createObjectNode().put("ok", false).put("description", message));
    }
}
