package com.quickcart.notifier.outbound;

import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageCaption;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/**
 * order-service edits the message whose button was tapped, and cannot know that message is a
 * photo (the QR the notifier sent with a Cancel button). Telegram refuses editMessageText there
 * for good; the same screen still reaches the user: as the photo's new caption when it fits a
 * caption, else as a new message.
 */
final class TextEditOnPhoto {

    static BotApiMethod<?> answer(EditMessageText edit) {
        if (edit.getText().length() <= TelegramLimits.MAX_CAPTION) {
            return EditMessageCaption.builder()
                    .chatId(edit.getChatId())
                    .messageId(edit.getMessageId())
                    .caption(edit.getText())
                    .parseMode(edit.getParseMode())
                    .replyMarkup(edit.getReplyMarkup())
                    .build();
        }
        return SendMessage.builder()
                .chatId(edit.getChatId())
                .text(edit.getText())
                .parseMode(edit.getParseMode())
                .replyMarkup(edit.getReplyMarkup())
                .build();
    }

    private TextEditOnPhoto() {
    }
}
