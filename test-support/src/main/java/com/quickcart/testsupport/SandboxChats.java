package com.quickcart.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What each sandbox chat shows, kept the way Telegram keeps a conversation: the bot's messages as
 * the fake Bot API accepted them (edits, deletions and copies applied), the person's own
 * messages, the reply keyboard in force, and the toasts that answered their taps. The page reads
 * a chat as one JSON document and redraws when its version moves.
 */
final class SandboxChats {

    /** Messages kept per chat; a sandbox conversation longer than this loses its oldest lines. */
    private static final int KEPT_MESSAGES = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Long, Chat> chats = new HashMap<>();
    /** answerCallbackQuery names only the query: which chat its toast belongs to. */
    private final Map<String, Long> callbackChats = new HashMap<>();
    private final Map<String, StoredFile> files = new HashMap<>();
    private long version;

    /** An uploaded photo or document, served to the page at {@code /sandbox/files/<key>}. */
    record StoredFile(String name, String contentType, byte[] bytes) {
    }

    private static final class Chat {
        final List<ObjectNode> messages = new ArrayList<>();
        final List<ObjectNode> toasts = new ArrayList<>();
        JsonNode replyKeyboard;
        long version;
    }

    /** Records a message the person typed; returns it as the page shows it. */
    synchronized ObjectNode personSent(long chatId, int messageId, String text, Integer replyTo) {
        ObjectNode message = newMessage(messageId, true).put("kind", "text").put("text", text);
        if (replyTo != null) {
            find(chatId, replyTo).ifPresent(original -> message.set("reply_to", quote(original)));
        }
        Chat chat = chat(chatId);
        append(chat, message);
        // Telegram hides a one-time keyboard once the person used it.
        if (chat.replyKeyboard != null && chat.replyKeyboard.path("one_time_keyboard").asBoolean(false)) {
            chat.replyKeyboard = null;
        }
        touch(chat);
        return message;
    }

    synchronized Optional<ObjectNode> find(long chatId, int messageId) {
        Chat chat = chats.get(chatId);
        if (chat == null) {
            return Optional.empty();
        }
        return chat.messages.stream().filter(m -> m.path("id").asInt() == messageId).findFirst().map(ObjectNode::deepCopy);
    }

    synchronized void tapSent(String callbackId, long chatId) {
        callbackChats.put(callbackId, chatId);
    }

    /** Applies a Bot API call that the fake answered with {@code result} to the chat it addresses. */
    synchronized void botCalled(BotCall call, Map<String, String> fileNames, JsonNode result) {
        ObjectNode params = call.params();
        long chatId = call.chatId();
        switch (call.method()) {
            case "sendMessage" -> {
                ObjectNode message = newMessage(result.path("message_id").asInt(), false).put("kind", "text");
                text(message, params, "text");
                botSent(chatId, message, params);
            }
            case "sendPhoto", "sendDocument", "sendSticker" -> {
                String field = call.method().substring(4).toLowerCase();
                ObjectNode message = newMessage(result.path("message_id").asInt(), false).put("kind", field);
                text(message, params, "caption");
                attach(message, call, field, fileNames.get(field));
                botSent(chatId, message, params);
            }
            case "editMessageText", "editMessageCaption", "editMessageReplyMarkup" -> edit(call.method(), chatId, params);
            case "copyMessage", "forwardMessage" -> copy(call.method(), chatId, params, result.path("message_id").asInt());
            case "deleteMessage" -> {
                Chat chat = chat(chatId);
                if (chat.messages.removeIf(m -> m.path("id").asInt() == params.path("message_id").asInt())) {
                    touch(chat);
                }
            }
            case "answerCallbackQuery" -> {
                Long target = callbackChats.remove(params.path("callback_query_id").asText());
                if (target != null && !params.path("text").asText("").isEmpty()) {
                    Chat chat = chat(target);
                    chat.toasts.add(JSON.createObjectNode().put("seq", ++version).put("text", params.path("text").asText())
                            .put("alert", params.path("show_alert").asBoolean(false)));
                    chat.version = version;
                }
            }
            default -> { // getMe, setMyCommands, setWebhook…: nothing a chat shows
            }
        }
    }

    synchronized Optional<StoredFile> file(String key) {
        return Optional.ofNullable(files.get(key));
    }

    /** One chat as the page draws it. */
    synchronized ObjectNode view(long chatId) {
        Chat chat = chat(chatId);
        ObjectNode view = JSON.createObjectNode().put("version", chat.version);
        ArrayNode messages = view.putArray("messages");
        chat.messages.forEach(m -> messages.add(m.deepCopy()));
        ArrayNode toasts = view.putArray("toasts");
        chat.toasts.forEach(toasts::add);
        view.set("reply_keyboard", chat.replyKeyboard);
        return view;
    }

    synchronized long version(long chatId) {
        return chat(chatId).version;
    }

    private void botSent(long chatId, ObjectNode message, ObjectNode params) {
        Chat chat = chat(chatId);
        JsonNode markup = markup(params);
        if (markup.has("inline_keyboard")) {
            message.set("inline_keyboard", markup.get("inline_keyboard"));
        } else if (markup.has("keyboard")) {
            chat.replyKeyboard = markup;
        } else if (markup.path("remove_keyboard").asBoolean(false)) {
            chat.replyKeyboard = null;
        }
        append(chat, message);
        touch(chat);
    }

    private void edit(String method, long chatId, ObjectNode params) {
        Chat chat = chat(chatId);
        int id = params.path("message_id").asInt();
        for (ObjectNode message : chat.messages) {
            if (message.path("id").asInt() != id) {
                continue;
            }
            if (method.equals("editMessageText")) {
                text(message, params, "text");
            } else if (method.equals("editMessageCaption")) {
                text(message, params, "caption");
            }
            // Like Telegram: an edit that names no inline keyboard leaves the message without one.
            JsonNode markup = markup(params);
            if (markup.has("inline_keyboard")) {
                message.set("inline_keyboard", markup.get("inline_keyboard"));
            } else {
                message.remove("inline_keyboard");
            }
            message.put("edited", true);
            touch(chat);
            return;
        }
    }

    private void copy(String method, long chatId, ObjectNode params, int newId) {
        Optional<ObjectNode> source = find(params.path("from_chat_id").asLong(), params.path("message_id").asInt());
        if (source.isEmpty()) {
            return;
        }
        ObjectNode message = source.get();
        message.put("id", newId).put("out", false).put("date", Instant.now().getEpochSecond());
        message.remove(List.of("edited", "reply_to", "inline_keyboard"));
        if (method.equals("forwardMessage")) {
            message.put("forwarded", true);
        } else if (params.has("caption") && !message.path("kind").asText().equals("text")) {
            text(message, params, "caption");
        }
        botSent(chatId, message, params);
    }

    private void attach(ObjectNode message, BotCall call, String field, String fileName) {
        byte[] bytes = call.file(field);
        if (bytes == null) {
            // A file_id (a sticker, or media Telegram already holds): the sandbox has no such file to show.
            message.put("file_id", call.params().path(field).asText());
            return;
        }
        String key = UUID.randomUUID().toString();
        String name = fileName != null ? fileName : field;
        files.put(key, new StoredFile(name, contentType(name), bytes));
        message.put("file", "/sandbox/files/" + key).put("file_name", name).put("file_size", bytes.length);
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase();
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return lower.endsWith(".txt") ? "text/plain; charset=utf-8" : "application/octet-stream";
    }

    private static void text(ObjectNode message, ObjectNode params, String field) {
        message.put("text", params.path(field).asText(""));
        if (params.hasNonNull("parse_mode")) {
            message.put("parse_mode", params.get("parse_mode").asText());
        } else {
            message.remove("parse_mode");
        }
    }

    /** reply_markup arrives as an object in JSON bodies and as a JSON string in form and multipart bodies. */
    private static JsonNode markup(ObjectNode params) {
        JsonNode markup = params.path("reply_markup");
        if (markup.isTextual()) {
            try {
                return JSON.readTree(markup.asText());
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }
        return markup;
    }

    private static ObjectNode quote(ObjectNode original) {
        return JSON.createObjectNode().put("id", original.path("id").asInt()).put("text", original.path("text").asText(""))
                .put("out", original.path("out").asBoolean());
    }

    private static ObjectNode newMessage(int id, boolean out) {
        return JSON.createObjectNode().put("id", id).put("out", out).put("date", Instant.now().getEpochSecond());
    }

    private Chat chat(long chatId) {
        return chats.computeIfAbsent(chatId, id -> new Chat());
    }

    private static void append(Chat chat, ObjectNode message) {
        chat.messages.add(message);
        if (chat.messages.size() > KEPT_MESSAGES) {
            chat.messages.removeFirst();
        }
    }

    private void touch(Chat chat) {
        chat.version = ++version;
    }
}
