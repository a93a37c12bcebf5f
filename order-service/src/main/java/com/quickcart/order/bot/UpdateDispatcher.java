package com.quickcart.order.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.order.onboarding.WelcomeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Decides which feature handles an update. It never holds a conversation lock: any command works at any time. */
@Component
public class UpdateDispatcher {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final WelcomeHandler welcome;

    public UpdateDispatcher(WelcomeHandler welcome) {
        this.welcome = welcome;
    }

    public void dispatch(JsonNode rawUpdate) {
        Update update;
        try {
            update = EventCodec.mapper().treeToValue(rawUpdate, Update.class);
        } catch (JsonProcessingException e) {
            throw new EventCodec.MalformedEventException("not a Telegram update: " + e.getOriginalMessage(), e);
        }
        if (update.hasMessage() && update.getMessage().hasText()) {
            onText(update.getMessage());
        }
    }

    private void onText(Message message) {
        long chatId = message.getChatId();
        try (var ignored = MDC.putCloseable("chat_id", Long.toString(chatId))) {
            String command = commandOf(message.getText());
            if ("/start".equals(command)) {
                welcome.start(chatId, message.getFrom());
            } else {
                log.debug("no handler for text update");
            }
        }
    }

    /** "/start@MyBot payload" → "/start". */
    static String commandOf(String text) {
        if (text == null || !text.startsWith("/")) {
            return null;
        }
        String first = text.split("\\s+", 2)[0];
        int at = first.indexOf('@');
        return (at < 0 ? first : first.substring(0, at)).toLowerCase(java.util.Locale.ROOT);
    }
}
