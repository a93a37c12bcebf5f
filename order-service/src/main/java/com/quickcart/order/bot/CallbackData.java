package com.quickcart.order.bot;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Button data is a short colon-separated path that carries everything its handler needs
 * ({@code p:42:q:3}), so a button from yesterday still works. Parsing never throws: a part that
 * is missing or not a number is empty, and the handler answers politely.
 */
public record CallbackData(List<String> parts) {

    public static CallbackData parse(String data) {
        return new CallbackData(data == null ? List.of() : List.of(data.split(":", 8)));
    }

    public String action() {
        return parts.isEmpty() ? "" : parts.getFirst();
    }

    public Optional<String> text(int index) {
        return index < parts.size() ? Optional.of(parts.get(index)) : Optional.empty();
    }

    public OptionalLong number(int index) {
        if (index >= parts.size()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(parts.get(index)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
