package com.quickcart.order.bot;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonCodec;
import com.quickcart.order.bot.button.Noop;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Builds inline keyboards row by row. */
public final class Buttons {

    private final List<InlineKeyboardRow> rows = new ArrayList<>();

    public static Buttons keyboard() {
        return new Buttons();
    }

    /** A button whose callback data is {@code action}, written by {@link ButtonCodec} (64 bytes at most). */
    public static InlineKeyboardButton button(String text, Button action) {
        return InlineKeyboardButton.builder().text(text).callbackData(ButtonCodec.encode(action)).build();
    }

    public static InlineKeyboardButton link(String text, String url) {
        return InlineKeyboardButton.builder().text(text).url(url).build();
    }

    /** ◀ page/pages ▶, each arrow only where there is a page to go to. */
    public static List<InlineKeyboardButton> pager(int page, int pages, IntFunction<Button> pageButton) {
        List<InlineKeyboardButton> nav = new ArrayList<>();
        if (page > 0) {
            nav.add(button("◀", pageButton.apply(page - 1)));
        }
        if (pages > 1) {
            nav.add(button((page + 1) + "/" + pages, new Noop()));
        }
        if (page < pages - 1) {
            nav.add(button("▶", pageButton.apply(page + 1)));
        }
        return nav;
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
