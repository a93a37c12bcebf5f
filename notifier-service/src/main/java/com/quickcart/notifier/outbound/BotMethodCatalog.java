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
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
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
    /** A QRIS payload is a few hundred characters; a QR code holds at most about 4,000. */
    private static final int MAX_QR_CHARS = 2_000;
    /** Telegram's limit for a photo's caption. */
    private static final int MAX_CAPTION_CHARS = 1_024;

    static PartialBotApiMethod<?> decode(String method, JsonNode body) {
        if (method.equalsIgnoreCase("sendDocument")) {
            return document(body);
        }
        if (method.equalsIgnoreCase("sendPhoto")) {
            return qrCode(body);
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
     * sealed, in a GoodsDelivery command, and only the notifier opens them.
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

    /**
     * Multipart in telegrambots, and a picture has no place in a Kafka record: the one photo other
     * services send is a QRIS code, as {@code photo: {qr, file_name}}, drawn here. Caption and
     * buttons come as order-service wrote them.
     */
    private static SendPhoto qrCode(JsonNode body) {
        JsonNode photo = body.path("photo");
        String qr = photo.path("qr").asText("");
        if (!body.path("chat_id").canConvertToLong() || qr.isEmpty() || qr.length() > MAX_QR_CHARS
                || !FILE_NAME.matcher(photo.path("file_name").asText("")).matches()
                || body.path("caption").asText("").length() > MAX_CAPTION_CHARS) {
            throw new PermanentFailure("sendPhoto needs chat_id, photo {qr of 1.." + MAX_QR_CHARS + " characters, file_name}"
                    + " and a caption of at most " + MAX_CAPTION_CHARS + " characters", null);
        }
        InlineKeyboardMarkup keyboard = null;
        if (body.hasNonNull("reply_markup")) {
            if (!body.path("reply_markup").path("inline_keyboard").isArray()) {
                throw new PermanentFailure("sendPhoto's reply_markup is not an inline keyboard", null);
            }
            try {
                keyboard = EventCodec.mapper().treeToValue(body.path("reply_markup"), InlineKeyboardMarkup.class);
            } catch (Exception e) {
                throw new PermanentFailure("sendPhoto's reply_markup is not an inline keyboard: " + e.getMessage(), e);
            }
        }
        return SendPhoto.builder().chatId(body.path("chat_id").asLong())
                .photo(new InputFile(new ByteArrayInputStream(QrCodes.png(qr)), photo.path("file_name").asText()))
                .caption(body.path("caption").isTextual() ? body.path("caption").asText() : null)
                .replyMarkup(keyboard)
                .build();
    }

    private BotMethodCatalog() {
    }
}
