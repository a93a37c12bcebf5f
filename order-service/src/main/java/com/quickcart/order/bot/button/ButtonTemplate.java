package com.quickcart.order.bot.button;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One button record's wire form: its segments and how each component is written and read. */
final class ButtonTemplate {

    static final int MAX_BYTES = 64;
    private static final Map<Class<?>, ButtonTemplate> CACHE = new ConcurrentHashMap<>();

    final Class<? extends Button> type;
    final String prefix;
    private final String[] segments;
    /** For each segment: the index of the record component it holds, or -1 for a literal. */
    private final int[] slots;
    private final RecordComponent[] components;
    private final Constructor<? extends Button> constructor;
    private final int required;

    static ButtonTemplate of(Class<? extends Button> type) {
        return CACHE.computeIfAbsent(type, t -> new ButtonTemplate(type));
    }

    private ButtonTemplate(Class<? extends Button> type) {
        this.type = type;
        ButtonData data = type.getAnnotation(ButtonData.class);
        if (!type.isRecord() || data == null) {
            throw new IllegalArgumentException(type.getName() + " must be a record annotated with @ButtonData");
        }
        components = type.getRecordComponents();
        segments = data.value().split(":", -1);
        slots = new int[segments.length];
        int optionalFrom = segments.length;
        int used = 0;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                boolean optional = segment.endsWith("?}");
                String name = segment.substring(1, segment.length() - (optional ? 2 : 1));
                slots[i] = indexOf(name);
                if (slots[i] != used++) {
                    throw new IllegalArgumentException(type.getName() + ": placeholders must follow the record's components in order");
                }
                checkSupported(components[slots[i]].getType());
                if (optional) {
                    optionalFrom = Math.min(optionalFrom, i);
                } else if (optionalFrom < i) {
                    throw new IllegalArgumentException(type.getName() + ": only trailing placeholders may be optional");
                }
            } else {
                slots[i] = -1;
                if (segment.isEmpty()) {
                    throw new IllegalArgumentException(type.getName() + ": empty literal in " + data.value());
                }
            }
        }
        if (used != components.length || slots[0] != -1) {
            throw new IllegalArgumentException(type.getName() + ": every component needs a placeholder, after a literal prefix");
        }
        required = optionalFrom;
        prefix = segments[0];
        try {
            constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    String encode(Button button) {
        StringBuilder out = new StringBuilder();
        int end = segments.length;
        while (end > required && valueAt(button, end - 1) == null) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (i > 0) {
                out.append(':');
            }
            if (slots[i] < 0) {
                out.append(segments[i]);
                continue;
            }
            Object value = valueAt(button, i);
            if (value == null) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + components[slots[i]].getName() + " must not be null");
            }
            String written = value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value.toString();
            if (written.isEmpty() || written.indexOf(':') >= 0) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + components[slots[i]].getName()
                        + " must be non-empty and free of ':'");
            }
            out.append(written);
        }
        String data = out.toString();
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("Telegram allows " + MAX_BYTES + " bytes of callback data; "
                    + type.getSimpleName() + " needs " + data.getBytes(StandardCharsets.UTF_8).length);
        }
        return data;
    }

    /** The button these parts spell, or empty when they do not fit this template. Never throws. */
    Optional<Button> decode(String[] parts) {
        if (parts.length < required || parts.length > segments.length) {
            return Optional.empty();
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < segments.length; i++) {
            if (i >= parts.length) {
                continue;
            }
            if (slots[i] < 0) {
                if (!segments[i].equals(parts[i])) {
                    return Optional.empty();
                }
                continue;
            }
            Object value = read(components[slots[i]].getType(), parts[i]);
            if (value == null) {
                return Optional.empty();
            }
            values[slots[i]] = value;
        }
        try {
            return Optional.of(constructor.newInstance(values));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A record that validates its fields refuses them: the button is simply not one of ours.
            return Optional.empty();
        }
    }

    private Object valueAt(Button button, int segment) {
        if (slots[segment] < 0) {
            return segments[segment];
        }
        try {
            return components[slots[segment]].getAccessor().invoke(button);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(Class<?> type, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (type == long.class) {
                return Long.parseLong(text);
            }
            if (type == int.class) {
                return Integer.parseInt(text);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (type == String.class) {
            return text;
        }
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().toLowerCase(Locale.ROOT).equals(text)) {
                return constant;
            }
        }
        return null;
    }

    private int indexOf(String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(type.getName() + " has no component " + name);
    }

    private void checkSupported(Class<?> componentType) {
        if (componentType != long.class && componentType != int.class && componentType != String.class && !componentType.isEnum()) {
            throw new IllegalArgumentException(type.getName() + ": button fields are long, int, String or enum, not " + componentType);
        }
    }
}
