package com.quickcart.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Telegram's own update JSON, shaped as the Bot API documents it (private chats: chat id = user id). */
public final class TelegramUpdates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong UPDATE_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final AtomicLong CHAT_IDS = new AtomicLong(5_000_000_000L + (System.nanoTime() % 1_000_000_000L));

    public static long nextUpdateId() {
        return UPDATE_IDS.incrementAndGet();
    }

    /** A fresh private chat (= user) id, so tests sharing a database never see each other's users. */
    public static long newChatId() {
        return CHAT_IDS.incrementAndGet();
    }

    public static ObjectNode text(long updateId, long chatId, String text, String languageCode) {
        return message(updateId, (int) (updateId % 100_000), user(chatId, "Budi", "budi" + chatId, languageCode), text, null);
    }

    /**
     * A document the user sent, as Telegram describes it: {@code document} with its file_id
     * (from {@code FakeTelegramBotApi.hostFile}), name, MIME type and size; no text.
     */
    public static ObjectNode document(long updateId, long chatId, String fileId, String fileName, String mimeType, long fileSize,
                                      String languageCode) {
        ObjectNode update = message(updateId, (int) (updateId % 100_000), user(chatId, "Budi", "budi" + chatId, languageCode), "", null);
        ObjectNode message = (ObjectNode) update.get("message");
        message.remove("text");
        ObjectNode document = message.putObject("document");
        document.put("file_name", fileName).put("mime_type", mimeType).put("file_id", fileId)
                .put("file_unique_id", "AgAD" + Math.abs(fileId.hashCode())).put("file_size", fileSize);
        return update;
    }

    public static ObjectNode callback(long updateId, long chatId, int messageId, String data) {
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", messageId);
        message.putObject("chat").put("id", chatId).put("type", "private").put("first_name", "Budi");
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", "previous screen");
        return callback(updateId, Long.toString(updateId * 31), user(chatId, "Budi", "budi" + chatId, "id"), message, data);
    }

    /** A text message from {@code from} in their private chat with the bot, optionally replying to an earlier message. */
    public static ObjectNode message(long updateId, int messageId, ObjectNode from, String text, JsonNode replyTo) {
        ObjectNode update = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode message = update.putObject("message");
        message.put("message_id", messageId);
        message.set("from", from);
        message.set("chat", privateChat(from));
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", text);
        if (text.startsWith("/")) {
            ObjectNode entity = message.putArray("entities").addObject();
            entity.put("offset", 0).put("length", text.split(" ")[0].length()).put("type", "bot_command");
        }
        if (replyTo != null) {
            message.set("reply_to_message", replyTo);
        }
        return update;
    }

    /** A tap by {@code from} on an inline button of {@code message} (a Message object the bot sent). */
    public static ObjectNode callback(long updateId, String callbackId, ObjectNode from, ObjectNode message, String data) {
        ObjectNode update = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode query = update.putObject("callback_query");
        query.put("id", callbackId);
        query.set("from", from);
        query.set("message", message);
        query.put("chat_instance", "-" + from.path("id").asLong());
        query.put("data", data);
        return update;
    }

    /** A Telegram User object. */
    public static ObjectNode user(long id, String firstName, String username, String languageCode) {
        ObjectNode from = JSON.createObjectNode();
        from.put("id", id).put("is_bot", false).put("first_name", firstName).put("username", username);
        if (languageCode != null) {
            from.put("language_code", languageCode);
        }
        return from;
    }

    /** The private Chat object of a conversation with {@code user}. */
    public static ObjectNode privateChat(JsonNode user) {
        return JSON.createObjectNode().put("id", user.path("id").asLong()).put("first_name", user.path("first_name").asText())
                .put("username", user.path("username").asText()).put("type", "private");
    }

    private TelegramUpdates() {
    }
}
