package com.quickcart.notifier.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.PermanentFailure;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ForwardMessage;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendSticker;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

import java.util.Locale;
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

    static PartialBotApiMethod<?> decode(String method, JsonNode body) {
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

    private BotMethodCatalog() {
    }
}
