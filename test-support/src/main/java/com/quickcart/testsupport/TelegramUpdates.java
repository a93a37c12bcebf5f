package com.quickcart.testsupport;

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
        ObjectNode update = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode message = update.putObject("message");
        message.put("message_id", (int) (updateId % 100_000));
        message.set("from", user(chatId, languageCode));
        ObjectNode chat = message.putObject("chat");
        chat.put("id", chatId).put("first_name", "Budi").put("username", "budi" + chatId).put("type", "private");
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", text);
        if (text.startsWith("/")) {
            ObjectNode entity = message.putArray("entities").addObject();
            entity.put("offset", 0).put("length", text.split(" ")[0].length()).put("type", "bot_command");
        }
        return update;
    }

    public static ObjectNode callback(long updateId, long chatId, int messageId, String data) {
        ObjectNode update = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode query = update.putObject("callback_query");
        query.put("id", Long.toString(updateId * 31));
        query.set("from", user(chatId, "id"));
        ObjectNode message = query.putObject("message");
        message.put("message_id", messageId);
        message.putObject("chat").put("id", chatId).put("type", "private").put("first_name", "Budi");
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", "previous screen");
        query.put("chat_instance", "-" + chatId);
        query.put("data", data);
        return update;
    }

    private static ObjectNode user(long id, String languageCode) {
        ObjectNode from = JSON.createObjectNode();
        from.put("id", id).put("is_bot", false).put("first_name", "Budi").put("username", "budi" + id);
        if (languageCode != null) {
            from.put("language_code", languageCode);
        }
        return from;
    }

    private TelegramUpdates() {
    }
}
