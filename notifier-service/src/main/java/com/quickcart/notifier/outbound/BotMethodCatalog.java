package com.quickcart.notifier.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.PermanentFailure;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ForwardMessage;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendSticker;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Map;

/**
 * The Bot API methods other services may ask for, by their Telegram names. Anything else is
 * refused: the notifier is not a general proxy to the bot's token.
 */
final class BotMethodCatalog {

    private static final Map<String, Class<? extends PartialBotApiMethod<?>>> METHODS = Map.of(
            "sendmessage", SendMessage.class,
            "editmessagetext", EditMessageText.class,
            "answercallbackquery", AnswerCallbackQuery.class,
            "deletemessage", DeleteMessage.class,
            "copymessage", CopyMessage.class,
            "forwardmessage", ForwardMessage.class,
            "setmycommands", SetMyCommands.class);

    /** What an uploaded file may be called: no path, no control characters, a short extension. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\.[a-z]{1,4}");
    /** Telegram allows 50 MB; a file that rides in a Kafka record is far smaller anyway. */
    private static final int MAX_DOCUMENT_CHARS = 700_000;

    static PartialBotApiMethod<?> decode(String method, JsonNode body) {
        if (method.equalsIgnoreCase("sendDocument")) {
            return document(body);
        }
        if (method.equalsIgnoreCase("sendSticker")) {
            // Multipart in telegrambots; other services send only the sticker's file id.
            if (!body.path("sticker").isTextual() || !body.path("chat_id").canConvertToLong()) {
                throw new PermanentFailure("sendSticker needs chat_id and a sticker file id", null);
            }
            return SendSticker.builder().chatId(body.path("chat_id").asLong())
                    .sticker(new InputFile(body.path("sticker").asText())).build();
        }
        Class<? extends PartialBotApiMethod<?>> type = METHODS.get(method.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new PermanentFailure("Bot API method not allowed through the notifier: " + method, null);
        }
        try {
            return EventCodec.mapper().treeToValue(body, type);
        } catch (Exception e) {
            throw new PermanentFailure("body does not fit " + method + ": " + e.getMessage(), e);
        }
    }

    /**
     * Multipart in telegrambots; other services send a small text file inline (an operator's CSV
     * export) as {@code document: {file_name, text}}. Goods never come this way: they travel
     * sealed in ItemsDelivered and are drawn by the notifier itself.
     */
    private static SendDocument document(JsonNode body) {
        JsonNode document = body.path("document");
        String name = document.path("file_name").asText("");
        if (!body.path("chat_id").canConvertToLong() || !document.path("text").isTextual() || !FILE_NAME.matcher(name).matches()
                || document.path("text").asText().isEmpty() || document.path("text").asText().length() > MAX_DOCUMENT_CHARS) {
            throw new PermanentFailure("sendDocument needs chat_id and document {file_name, text} of 1.." + MAX_DOCUMENT_CHARS
                    + " characters", null);
        }
        byte[] content = document.path("text").asText().getBytes(StandardCharsets.UTF_8);
        return SendDocument.builder().chatId(body.path("chat_id").asLong())
                .document(new InputFile(new ByteArrayInputStream(content), name))
                .caption(body.path("caption").isTextual() ? body.path("caption").asText() : null)
                .build();
    }

    private BotMethodCatalog() {
    }
}
