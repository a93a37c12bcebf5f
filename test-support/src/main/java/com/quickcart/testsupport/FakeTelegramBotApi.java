package com.quickcart.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An HTTP server that answers like {@code api.telegram.org}: {@code POST /bot<token>/<method>}
 * with JSON, form or multipart bodies, {@code {"ok":true,"result":…}} answers, and Telegram's
 * error shape (with {@code parameters.retry_after} on 429) for scripted failures. It records
 * every call so tests can assert what a user would have seen. With {@link #openSandbox} it also
 * serves the sandbox chat page at {@code /}, where people talk to the bot through the ingress.
 */
public final class FakeTelegramBotApi extends FakeHttpServer {

    public static final String TOKEN = "123456:TEST-token-for-the-fake-bot-api";

    private final List<BotCall> calls = new CopyOnWriteArrayList<>();
    private final Deque<ScriptedFailure> failures = new ArrayDeque<>();
    private final Deque<JsonNode> pendingUpdates = new ArrayDeque<>();
    private final AtomicInteger nextMessageId = new AtomicInteger(1000);
    private final Map<String, HostedFile> hostedFiles = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger nextFile = new AtomicInteger();

    private final String token;
    private final java.util.function.Consumer<BotCall> onCall;
    private volatile SandboxChats sandboxChats;
    private volatile ChatSandbox sandbox;
    private volatile TelegramRateLimits limits;
    private final java.util.Set<Long> blocked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public FakeTelegramBotApi() {
        this(0, TOKEN, call -> { });
    }

    /** On a fixed port with a chosen token, telling {@code onCall} about every request (the local run logs them). */
    public FakeTelegramBotApi(int port, String token, java.util.function.Consumer<BotCall> onCall) {
        super(port, 4);
        this.token = token;
        this.onCall = onCall;
        route("/", this::handle);
    }

    /**
     * Serves the sandbox chat at {@link #sandboxUrl()}: what its people type or tap is posted to
     * {@code telegramWebhook} with {@code webhookSecret}, and the chats show what the bot sends from now on.
     */
    public void openSandbox(URI telegramWebhook, String webhookSecret) {
        SandboxChats chats = new SandboxChats();
        sandboxChats = chats;
        sandbox = new ChatSandbox(chats, telegramWebhook, webhookSecret, nextMessageId::incrementAndGet, botUser());
    }

    /** The sandbox chat page. */
    public String sandboxUrl() {
        return baseUrl() + "/";
    }

    public List<BotCall> calls() {
        return List.copyOf(calls);
    }

    public List<BotCall> calls(String method, long chatId) {
        return calls.stream().filter(c -> c.method().equals(method) && c.chatId() == chatId).toList();
    }

    public List<BotCall> callsMatching(Predicate<BotCall> predicate) {
        return calls.stream().filter(predicate).toList();
    }

    /** The next {@code count} calls of {@code method} fail with this HTTP status (429 carries retry_after). */
    public synchronized void failNext(String method, int count, int status, Integer retryAfterSeconds) {
        for (int i = 0; i < count; i++) {
            failures.add(new ScriptedFailure(method, status, retryAfterSeconds, null));
        }
    }

    /** The next call of {@code method} is refused with Telegram's own {@code description} (say, "Bad Request: message to edit not found"). */
    public synchronized void refuseNext(String method, int status, String description) {
        failures.add(new ScriptedFailure(method, status, null, description));
    }

    /** From now on every call to this chat is refused with 403, as Telegram does once the user blocked the bot. */
    public void block(long chatId) {
        blocked.add(chatId);
    }

    /** {@link #block} for many chats at once. */
    public void blockChats(java.util.Collection<Long> chatIds) {
        blocked.addAll(chatIds);
    }

    /** From now on, messages past these limits are refused with 429 and retry_after, as Telegram does; null: no limits. */
    public void enforce(TelegramRateLimits limits) {
        this.limits = limits;
    }

    /** Queues an update for the next {@code getUpdates} call (long polling). */
    public synchronized void queueUpdate(JsonNode update) {
        pendingUpdates.add(update);
    }

    /**
     * A file users sent, held as Telegram holds it: {@code getFile} with the returned file_id
     * answers its size and file_path, and {@code GET /file/bot<token>/<file_path>} serves the
     * bytes. Put the file_id in a message's {@code document} as Telegram would.
     */
    public String hostFile(byte[] content, String fileName) {
        int n = nextFile.incrementAndGet();
        String fileId = "BQACAgIAAxkBAAI" + n + "-fake-document";
        hostedFiles.put(fileId, new HostedFile(fileId, "AgAD" + n, "documents/file_" + n + suffix(fileName), content));
        return fileId;
    }

    /** Downloads of hosted files so far (GET /file/bot…), for tests that check nothing was fetched. */
    public int fileDownloads() {
        return fileDownloads.get();
    }

    private final AtomicInteger fileDownloads = new AtomicInteger();

    /** Telegram lets bots download files up to 20 MB; getFile refuses larger ones. */
    static final long BOT_DOWNLOAD_LIMIT = 20L * 1024 * 1024;

    private static String suffix(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot);
    }

    private record HostedFile(String fileId, String uniqueId, String path, byte[] content) {
    }

    private JsonNode getFile(ObjectNode params) {
        HostedFile file = hostedFiles.get(params.path("file_id").asText());
        if (file == null) {
            return null;
        }
        ObjectNode result = JSON.createObjectNode().put("file_id", file.fileId()).put("file_unique_id", file.uniqueId())
                .put("file_size", file.content().length);
        if (file.content().length <= BOT_DOWNLOAD_LIMIT) {
            result.put("file_path", file.path());
        }
        return result;
    }

    private void download(HttpExchange exchange, String filePath) throws IOException {
        HostedFile file = hostedFiles.values().stream().filter(f -> f.path().equals(filePath)).findFirst().orElse(null);
        if (file == null) {
            respond(exchange, 404, error(404, "Not Found", null));
            return;
        }
        fileDownloads.incrementAndGet();
        respond(exchange, 200, "application/octet-stream", file.content());
    }

    public void reset() {
        calls.clear();
        blocked.clear();
        synchronized (this) {
            failures.clear();
            pendingUpdates.clear();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + token + "/";
            if (path.startsWith("/file/bot" + token + "/")) {
                download(exchange, path.substring(("/file/bot" + token + "/").length()));
                return;
            }
            if (sandbox != null && !path.startsWith("/bot")) {
                sandbox.handle(exchange);
                return;
            }
            if (!path.startsWith(prefix)) {
                respond(exchange, 401, error(401, "Unauthorized", null));
                return;
            }
            // Bot API method names are case-insensitive; record them in their documented spelling.
            String method = canonical(path.substring(prefix.length()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            ObjectNode params = JSON.createObjectNode();
            Map<String, byte[]> files = new LinkedHashMap<>();
            Map<String, String> fileNames = new LinkedHashMap<>();
            parseBody(contentType, body, params, files, fileNames);
            form(exchange.getRequestURI().getRawQuery()).forEach(params::put);

            ScriptedFailure failure = takeFailure(method);
            if (failure == null && blocked.contains(params.path("chat_id").asLong())) {
                failure = new ScriptedFailure(method, 403, null, null);
            }
            TelegramRateLimits enforced = limits;
            if (failure == null && enforced != null) {
                long chatId = params.path("chat_id").asLong();
                failure = enforced.check(method, chatId, System.nanoTime()).stream()
                        .mapToObj(seconds -> new ScriptedFailure(method, 429, seconds, null)).findFirst().orElse(null);
            }
            BotCall call = new BotCall(method, params, files, Instant.now(), failure == null ? 200 : failure.status());
            calls.add(call);
            onCall.accept(call);
            if (failure != null) {
                respond(exchange, failure.status(), error(failure.status(), description(failure), failure.retryAfter()));
                return;
            }
            JsonNode result = result(method, params);
            if (method.equals("getFile")) {
                HostedFile hosted = hostedFiles.get(params.path("file_id").asText());
                if (hosted == null) {
                    respond(exchange, 400, error(400, "Bad Request: invalid file_id", null));
                    return;
                }
                if (hosted.content().length > BOT_DOWNLOAD_LIMIT) {
                    respond(exchange, 400, error(400, "Bad Request: file is too big", null));
                    return;
                }
            }
            SandboxChats chats = sandboxChats;
            if (chats != null) {
                chats.botCalled(call, fileNames, result);
            }
            ObjectNode ok = JSON.createObjectNode().put("ok", true);
            ok.set("result", result);
            respond(exchange, 200, ok);
        }
    }

    private static final List<String> KNOWN_METHODS = List.of("sendMessage", "sendPhoto", "sendDocument", "sendSticker",
            "editMessageText", "editMessageCaption", "editMessageReplyMarkup", "forwardMessage", "copyMessage",
            "answerCallbackQuery", "setMyCommands", "deleteMessage", "getMe", "getUpdates", "setWebhook", "deleteWebhook", "getFile");

    private static String canonical(String method) {
        return KNOWN_METHODS.stream().filter(known -> known.equalsIgnoreCase(method)).findFirst().orElse(method);
    }

    private synchronized ScriptedFailure takeFailure(String method) {
        for (var it = failures.iterator(); it.hasNext(); ) {
            ScriptedFailure failure = it.next();
            if (failure.method().equals(method)) {
                it.remove();
                return failure;
            }
        }
        return null;
    }

    private JsonNode result(String method, ObjectNode params) {
        return switch (method) {
            case "sendMessage", "sendPhoto", "sendDocument", "sendSticker", "editMessageText", "editMessageCaption",
                 "editMessageReplyMarkup", "forwardMessage" ->
                    message(params);
            case "copyMessage" -> JSON.createObjectNode().put("message_id", nextMessageId.incrementAndGet());
            case "getMe" -> botUser();
            case "getUpdates" -> drainUpdates();
            case "getFile" -> getFile(params);
            default -> JSON.getNodeFactory().booleanNode(true);
        };
    }

    /** The bot as Telegram describes it: its id is the bot token's number. */
    private ObjectNode botUser() {
        return JSON.createObjectNode().put("id", Long.parseLong(token.substring(0, token.indexOf(':')))).put("is_bot", true)
                .put("first_name", "QuickCart").put("username", "quickcart_test_bot");
    }

    private synchronized ArrayNode drainUpdates() {
        ArrayNode array = JSON.createArrayNode();
        while (!pendingUpdates.isEmpty()) {
            array.add(pendingUpdates.poll());
        }
        return array;
    }

    private ObjectNode message(ObjectNode params) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", params.has("message_id") ? params.get("message_id").asInt() : nextMessageId.incrementAndGet());
        message.put("date", Instant.now().getEpochSecond());
        ObjectNode chat = message.putObject("chat");
        chat.put("id", params.path("chat_id").asLong());
        chat.put("type", "private");
        if (params.has("text")) {
            message.put("text", params.get("text").asText());
        }
        if (params.has("caption")) {
            message.put("caption", params.get("caption").asText());
        }
        return message;
    }

    /** Telegram's own wording for the failures tests script. */
    private static String description(ScriptedFailure failure) {
        if (failure.description() != null) {
            return failure.description();
        }
        return switch (failure.status()) {
            case 429 -> "Too Many Requests: retry after " + failure.retryAfter();
            case 403 -> "Forbidden: bot was blocked by the user";
            case 400 -> "Bad Request: chat not found";
            default -> "Internal Server Error";
        };
    }

    private static ObjectNode error(int code, String description, Integer retryAfter) {
        ObjectNode error = JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter != null) {
            error.putObject("parameters").put("retry_after", retryAfter);
        }
        return error;
    }

    private static void parseBody(String contentType, byte[] body, ObjectNode params, Map<String, byte[]> files,
                                  Map<String, String> fileNames) throws IOException {
        if (body.length == 0) {
            return;
        }
        if (contentType.startsWith("application/json")) {
            JsonNode tree = JSON.readTree(body);
            if (tree != null && tree.isObject()) {
                params.setAll((ObjectNode) tree);
            }
        } else if (contentType.startsWith("multipart/form-data")) {
            String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
            Multipart.parse(body, boundary, params, files, fileNames);
        } else {
            form(new String(body, StandardCharsets.UTF_8)).forEach(params::put);
        }
    }

    private record ScriptedFailure(String method, int status, Integer retryAfter, String description) {
    }

    /** One Bot API request as the fake received it. */
    public record BotCall(String method, ObjectNode params, Map<String, byte[]> files, Instant at, int status) {

        public long chatId() {
            return params.path("chat_id").asLong();
        }

        /** The uploaded file behind a field, following the Bot API's attach://<name> reference when used. */
        public byte[] file(String field) {
            String value = params.path(field).asText("");
            return value.startsWith("attach://") ? files.get(value.substring("attach://".length())) : files.get(field);
        }

        public String text() {
            return params.path("text").asText(params.path("caption").asText(""));
        }

        /** The inline keyboard's callback data and button texts, flattened, for assertions. */
        public List<String> buttons() {
            JsonNode markup = params.path("reply_markup");
            if (markup.isTextual()) {
                try {
                    markup = JSON.readTree(markup.asText());
                } catch (IOException e) {
                    return List.of();
                }
            }
            List<String> out = new java.util.ArrayList<>();
            for (JsonNode row : markup.path("inline_keyboard")) {
                for (JsonNode button : row) {
                    out.add(button.path("text").asText() + "|" + button.path("callback_data").asText(button.path("url").asText()));
                }
            }
            for (JsonNode row : markup.path("keyboard")) {
                for (JsonNode button : row) {
                    out.add(button.isTextual() ? button.asText() : button.path("text").asText());
                }
            }
            return out;
        }
    }
}
