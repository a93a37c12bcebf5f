package com.quickcart.order.bot;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonCodec;
import com.quickcart.order.session.Session.Awaiting;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The table every {@link Feature} fills at start: button type → handler, command → handler,
 * menu label (a bundle key) → handler, awaited input → handler. Registering the same key twice
 * is a startup error, so two features can never silently compete for one button.
 */
@Component
public final class Routes {

    private final Map<Class<? extends Button>, BiConsumer<Interaction, Button>> buttons = new LinkedHashMap<>();
    private final Map<String, Consumer<Interaction>> commands = new HashMap<>();
    private final Map<String, Consumer<Interaction>> menuLabels = new LinkedHashMap<>();
    private final Map<Awaiting, BiConsumer<Interaction, String>> textInputs = new HashMap<>();
    private final Map<Awaiting, BiConsumer<Interaction, Message>> messageInputs = new HashMap<>();
    private final Map<Pattern, BiConsumer<Interaction, String>> freeText = new LinkedHashMap<>();
    private final List<BiPredicate<Interaction, Message>> replies = new ArrayList<>();
    private final Set<String> commandsKeepingInput = new HashSet<>();
    private final ButtonCodec codec;

    public Routes(List<Feature> features) {
        features.forEach(feature -> feature.routes(this));
        codec = new ButtonCodec(buttons.keySet());
    }

    public <T extends Button> Routes button(Class<T> kind, BiConsumer<Interaction, T> handler) {
        put(buttons, kind, (in, button) -> handler.accept(in, kind.cast(button)));
        return this;
    }

    public Routes command(String command, Consumer<Interaction> handler) {
        put(commands, command, handler);
        return this;
    }

    /** A command that answers the awaited input instead of abandoning it ({@code /skip}). */
    public Routes commandKeepingInput(String command, Consumer<Interaction> handler) {
        commandsKeepingInput.add(command);
        return command(command, handler);
    }

    /** Free text that matches {@code pattern} when nothing awaits it and it is no menu label. */
    public Routes freeText(Pattern pattern, BiConsumer<Interaction, String> handler) {
        put(freeText, pattern, handler);
        return this;
    }

    /** Looks at every reply to an earlier message first; returns true when it took the message. */
    public Routes replies(BiPredicate<Interaction, Message> handler) {
        replies.add(handler);
        return this;
    }

    /** A reply-keyboard label, by its bundle key: typed text equal to it in any language runs the handler. */
    public Routes menuLabel(String key, Consumer<Interaction> handler) {
        put(menuLabels, key, handler);
        return this;
    }

    /** Free text while the session awaits {@code awaiting}; a menu label typed instead goes to the menu. */
    public Routes text(Awaiting awaiting, BiConsumer<Interaction, String> handler) {
        put(textInputs, awaiting, handler);
        return this;
    }

    /** Any message (text, photo, ...) while the session awaits {@code awaiting}. */
    public Routes message(Awaiting awaiting, BiConsumer<Interaction, Message> handler) {
        put(messageInputs, awaiting, handler);
        return this;
    }

    ButtonCodec codec() {
        return codec;
    }

    Optional<BiConsumer<Interaction, Button>> button(Button button) {
        return Optional.ofNullable(buttons.get(button.getClass()));
    }

    Optional<Consumer<Interaction>> command(String command) {
        return Optional.ofNullable(commands.get(command));
    }

    boolean keepsInput(String command) {
        return commandsKeepingInput.contains(command);
    }

    Optional<BiConsumer<Interaction, String>> freeText(String text) {
        return freeText.entrySet().stream().filter(e -> e.getKey().matcher(text).matches()).map(Map.Entry::getValue).findFirst();
    }

    boolean takenAsReply(Interaction in, Message message) {
        return message.getReplyToMessage() != null && replies.stream().anyMatch(handler -> handler.test(in, message));
    }

    Map<String, Consumer<Interaction>> menuLabels() {
        return menuLabels;
    }

    Optional<BiConsumer<Interaction, String>> text(Awaiting awaiting) {
        return Optional.ofNullable(textInputs.get(awaiting));
    }

    Optional<BiConsumer<Interaction, Message>> message(Awaiting awaiting) {
        return Optional.ofNullable(messageInputs.get(awaiting));
    }

    private static <K, V> void put(Map<K, V> table, K key, V value) {
        if (table.putIfAbsent(key, value) != null) {
            throw new IllegalStateException(key + " is routed twice");
        }
    }
}
