package com.quickcart.order.bot;

import com.quickcart.common.events.telegram.BotApiCall.Lane;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * How screens reach the user. A tap on an inline button edits that message in place instead
 * of piling up new ones; everything else is a new message. Every tap is answered, once.
 */
@Component
public class Replier {

    private final BotOutbox bot;
    private final Texts texts;

    public Replier(BotOutbox bot, Texts texts) {
        this.bot = bot;
        this.texts = texts;
    }

    public void show(Interaction interaction, Screen screen) {
        if (interaction.buttonMessageId() != null && screen.editable()) {
            bot.send(interaction.chatId(), EditMessageText.builder()
                    .chatId(interaction.chatId())
                    .messageId(interaction.buttonMessageId())
                    .text(screen.text())
                    .replyMarkup((InlineKeyboardMarkup) screen.keyboard())
                    .build());
        } else {
            send(interaction.chatId(), screen);
        }
    }

    public void send(long chatId, Screen screen) {
        bot.send(chatId, SendMessage.builder().chatId(chatId).text(screen.text()).replyMarkup(screen.keyboard()).build());
    }

    /**
     * A message the user did not just ask for (a payment settled, an order expired): sent in the
     * notifier's bulk lane, so a burst of notices never delays anyone's live screens.
     */
    public void notify(long chatId, Screen screen) {
        bot.send(chatId, SendMessage.builder().chatId(chatId).text(screen.text()).replyMarkup(screen.keyboard()).build(), Lane.BULK);
    }

    /** Copies a message (text or media, with an optional new caption and buttons) from one chat to another. */
    public void copy(long fromChatId, int messageId, long toChatId, String caption, InlineKeyboardMarkup keyboard) {
        bot.send(toChatId, CopyMessage.builder().fromChatId(fromChatId).messageId(messageId).chatId(toChatId)
                .caption(caption).replyMarkup(keyboard).build());
    }

    /** Answers the tap with a short notice at the top of the chat. */
    public void toast(Interaction interaction, String text) {
        if (interaction.isButtonTap() && !interaction.callbackAnswered()) {
            bot.send(interaction.chatId(), AnswerCallbackQuery.builder().callbackQueryId(interaction.callbackId()).text(text).build());
            interaction.markCallbackAnswered();
        }
    }

    /**
     * The one answer to a button that no longer applies (gone, not theirs, not permitted): the
     * same words whatever the reason, so a refusal reveals nothing.
     */
    public void staleButton(Interaction interaction) {
        toast(interaction, texts.get(interaction.locale(), "stale.button"));
    }

    /** Stops the button's spinner when nothing else answered the tap. */
    public void finish(Interaction interaction) {
        if (interaction.isButtonTap() && !interaction.callbackAnswered()) {
            bot.send(interaction.chatId(), AnswerCallbackQuery.builder().callbackQueryId(interaction.callbackId()).build());
            interaction.markCallbackAnswered();
        }
    }
}
