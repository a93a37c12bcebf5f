package com.quickcart.order.bot.button;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Telegram's callback data ↔ {@link Button} records. Writing needs only the record's
 * {@link ButtonData}; reading knows the button kinds the bot's handlers registered, so data no
 * handler owns (an old screen, a hand-made callback) reads as empty and is answered politely.
 */
public final class ButtonCodec {

    private final Map<String, List<ButtonTemplate>> byPrefix = new LinkedHashMap<>();

    public ButtonCodec(Collection<Class<? extends Button>> kinds) {
        for (Class<? extends Button> kind : kinds) {
            ButtonTemplate template = ButtonTemplate.of(kind);
            byPrefix.computeIfAbsent(template.prefix, p -> new ArrayList<>()).add(template);
        }
    }

    /** The callback data for {@code button}; refuses (IllegalArgumentException) anything over 64 bytes. */
    public static String encode(Button button) {
        @SuppressWarnings("unchecked")
        Class<? extends Button> kind = (Class<? extends Button>) button.getClass();
        return ButtonTemplate.of(kind).encode(button);
    }

    /** The button {@code data} spells, or empty. Never throws, whatever the bytes. */
    public Optional<Button> decode(String data) {
        if (data == null || data.isEmpty() || data.length() > ButtonTemplate.MAX_BYTES) {
            return Optional.empty();
        }
        String[] parts = data.split(":", -1);
        for (ButtonTemplate template : byPrefix.getOrDefault(parts[0], List.of())) {
            Optional<Button> button = template.decode(parts);
            if (button.isPresent()) {
                return button;
            }
        }
        return Optional.empty();
    }
}
