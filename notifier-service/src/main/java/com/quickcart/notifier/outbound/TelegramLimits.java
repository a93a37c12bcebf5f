package com.quickcart.notifier.outbound;

import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageCaption;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

import java.util.ArrayList;
import java.util.List;

/**
 * Telegram refuses a message over 4096 characters and a caption over 1024 (400, for good). The
 * services that compose text (a long /stock list, a forwarded support message, a caption) need
 * not count: a new message too long is split at line breaks into several, its buttons on the
 * last; an edit or a caption, which cannot be split, is cut short with an ellipsis.
 */
final class TelegramLimits {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    private static final String ELLIPSIS = "…";

    static List<PartialBotApiMethod<?>> fit(PartialBotApiMethod<?> method) {
        return switch (method) {
            case SendMessage send when send.getText().length() > MAX_TEXT -> split(send);
            case EditMessageText edit when edit.getText().length() > MAX_TEXT -> {
                edit.setText(cut(edit.getText(), MAX_TEXT));
                yield List.of(edit);
            }
            case EditMessageCaption edit when edit.getCaption() != null && edit.getCaption().length() > MAX_CAPTION -> {
                edit.setCaption(cut(edit.getCaption(), MAX_CAPTION));
                yield List.of(edit);
            }
            case CopyMessage copy when copy.getCaption() != null && copy.getCaption().length() > MAX_CAPTION -> {
                copy.setCaption(cut(copy.getCaption(), MAX_CAPTION));
                yield List.of(copy);
            }
            default -> List.of(method);
        };
    }

    private static List<PartialBotApiMethod<?>> split(SendMessage send) {
        List<String> parts = new ArrayList<>();
        String rest = send.getText();
        while (rest.length() > MAX_TEXT) {
            int at = rest.lastIndexOf('\n', MAX_TEXT);
            if (at < MAX_TEXT / 2) {
                at = safeCut(rest, MAX_TEXT); // no line break in the second half: cut inside the line
            }
            parts.add(rest.substring(0, at));
            rest = rest.charAt(at) == '\n' ? rest.substring(at + 1) : rest.substring(at);
        }
        parts.add(rest);
        List<PartialBotApiMethod<?>> messages = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            messages.add(SendMessage.builder()
                    .chatId(send.getChatId())
                    .messageThreadId(send.getMessageThreadId())
                    .text(parts.get(i))
                    .parseMode(send.getParseMode())
                    .disableNotification(i > 0 ? Boolean.TRUE : send.getDisableNotification())
                    .replyMarkup(last ? send.getReplyMarkup() : null)
                    .build());
        }
        return messages;
    }

    private static String cut(String text, int max) {
        return text.substring(0, safeCut(text, max - ELLIPSIS.length())) + ELLIPSIS;
    }

    /** A cut at {@code at} or just before it, never between the two halves of a surrogate pair (an emoji). */
    private static int safeCut(String text, int at) {
        return Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
    }

    private TelegramLimits() {
    }
}
