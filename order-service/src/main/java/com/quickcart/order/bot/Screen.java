package com.quickcart.order.bot;

import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;

/** One thing the bot shows: text and the keyboard under it. Renderers build these; handlers decide which. */
public record Screen(String text, ReplyKeyboard keyboard) {

    public static Screen of(String text) {
        return new Screen(text, null);
    }

    public boolean editable() {
        return keyboard == null || keyboard instanceof InlineKeyboardMarkup;
    }
}
