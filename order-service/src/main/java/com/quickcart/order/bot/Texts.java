package com.quickcart.order.bot;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** User-facing text comes only from the message bundles (i18n/messages*.properties). */
@Component
public class Texts {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String get(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** Indonesian for Telegram clients set to Indonesian, English for everyone else. */
    public static Locale localeOf(String languageCode) {
        return languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("id") ? INDONESIAN : Locale.ENGLISH;
    }

    /** The question to answer, preceded by what to fix when the last answer was refused ({@code problemKey}). */
    public String prompt(Locale locale, String problemKey, String question) {
        return problemKey == null ? question : get(locale, problemKey) + "\n\n" + question;
    }

    /** Telegram refuses a message over 4096 characters: a long list is cut with an ellipsis, never refused. */
    public static String fitMessage(String text) {
        return text.length() <= 4096 ? text : text.substring(0, 4095) + "\u2026";
    }
}
