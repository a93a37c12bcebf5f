package com.quickcart.notifier.broadcast;

import com.quickcart.common.events.order.BroadcastContent;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.util.List;

/** The Bot API call that puts a broadcast in one chat: a text, or a photo with the text as caption, in HTML, with its URL button. */
final class BroadcastMessage {

    static String method(BroadcastContent content) {
        return content.hasPhoto() ? "sendPhoto" : "sendMessage";
    }

    /** {@code paid}: Telegram's allow_paid_broadcast, past the free ~30 a second, charged in Stars. */
    static PartialBotApiMethod<?> to(long chatId, BroadcastContent content, boolean paid) {
        Boolean allowPaid = paid ? Boolean.TRUE : null;
        InlineKeyboardMarkup keyboard = content.hasButton()
                ? InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(List.of(
                        InlineKeyboardButton.builder().text(content.buttonLabel()).url(content.buttonUrl()).build()))).build()
                : null;
        if (content.hasPhoto()) {
            return SendPhoto.builder().chatId(chatId).photo(new InputFile(content.photoFileId()))
                    .caption(content.text()).parseMode(ParseMode.HTML).replyMarkup(keyboard).allowPaidBroadcast(allowPaid).build();
        }
        return SendMessage.builder().chatId(chatId).text(content.text()).parseMode(ParseMode.HTML).replyMarkup(keyboard)
                .allowPaidBroadcast(allowPaid).build();
    }

    private BroadcastMessage() {
    }
}
