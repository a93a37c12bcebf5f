package com.quickcart.order.bot;

import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.util.ArrayList;
import java.util.List;

/** Builds inline keyboards row by row. */
public final class Buttons {

    private final List<InlineKeyboardRow> rows = new ArrayList<>();

    public static Buttons keyboard() {
        return new Buttons();
    }

    public static InlineKeyboardButton button(String text, String callbackData) {
        if (callbackData.length() > 64) {
            throw new IllegalArgumentException("Telegram allows 64 bytes of callback data: " + callbackData);
        }
        return InlineKeyboardButton.builder().text(text).callbackData(callbackData).build();
    }

    public static InlineKeyboardButton link(String text, String url) {
        return InlineKeyboardButton.builder().text(text).url(url).build();
    }

    public Buttons row(InlineKeyboardButton... buttons) {
        if (buttons.length > 0) {
            rows.add(new InlineKeyboardRow(List.of(buttons)));
        }
        return this;
    }

    public Buttons row(List<InlineKeyboardButton> buttons) {
        return row(buttons.toArray(InlineKeyboardButton[]::new));
    }

    public InlineKeyboardMarkup build() {
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
}
