package com.quickcart.order.broadcast;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks text written in Telegram's HTML formatting before a broadcast carries it to thousands of
 * chats: only the tags Telegram knows, properly nested and closed, links to http(s) or tg://, and
 * every {@code <} and {@code &} part of a tag or an entity. Telegram would refuse anything else
 * with 400 "can't parse entities" for every recipient. Also measures the text as the reader sees it.
 */
public final class TelegramHtml {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code",
            "pre", "tg-spoiler", "span", "blockquote", "tg-emoji");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z-]*)((?:\\s+[a-zA-Z-]+(?:=\"[^\"<>]*\")?)*)\\s*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)(?:=\"([^\"]*)\")?");
    private static final Pattern ENTITY = Pattern.compile("&(?:lt|gt|amp|quot|#\\d{1,7}|#x[0-9a-fA-F]{1,6});");
    private static final Map<String, String> NAMED = Map.of("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", "\"");

    /** Why the text cannot be sent, as a bundle key and its argument. */
    public record Problem(String key, String detail) {
    }

    /** The first problem in {@code html}, or empty when Telegram will accept it. */
    public static Optional<Problem> check(String html) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher tag = TAG.matcher(html).region(i, html.length());
                if (!tag.lookingAt()) {
                    return Optional.of(new Problem("broadcast.html.stray", "<"));
                }
                String name = tag.group(2).toLowerCase(Locale.ROOT);
                if (!TAGS.contains(name)) {
                    return Optional.of(new Problem("broadcast.html.tag", name));
                }
                if (tag.group(1).isEmpty()) {
                    Optional<Problem> attributes = attributes(name, tag.group(3));
                    if (attributes.isPresent()) {
                        return attributes;
                    }
                    open.push(name);
                } else if (open.isEmpty() || !open.pop().equals(name)) {
                    return Optional.of(new Problem("broadcast.html.nesting", name));
                }
                i = tag.end();
            } else if (c == '&') {
                Matcher entity = ENTITY.matcher(html).region(i, html.length());
                if (!entity.lookingAt()) {
                    return Optional.of(new Problem("broadcast.html.stray", "&"));
                }
                i = entity.end();
            } else if (c == '>') {
                return Optional.of(new Problem("broadcast.html.stray", ">"));
            } else {
                i++;
            }
        }
        return open.isEmpty() ? Optional.empty() : Optional.of(new Problem("broadcast.html.unclosed", open.peek()));
    }

    private static Optional<Problem> attributes(String tag, String attributes) {
        Matcher attribute = ATTRIBUTE.matcher(attributes);
        boolean href = false;
        while (attribute.find()) {
            String name = attribute.group(1).toLowerCase(Locale.ROOT);
            String value = attribute.group(2);
            if (tag.equals("a") && name.equals("href")) {
                if (value == null || !(value.startsWith("https://") || value.startsWith("http://") || value.startsWith("tg://"))) {
                    return Optional.of(new Problem("broadcast.html.href", String.valueOf(value)));
                }
                href = true;
            } else if (!(tag.equals("span") && name.equals("class") && "tg-spoiler".equals(value))
                    && !(tag.equals("blockquote") && name.equals("expandable"))
                    && !(tag.equals("tg-emoji") && name.equals("emoji-id"))
                    && !(tag.equals("code") && name.equals("class"))) {
                return Optional.of(new Problem("broadcast.html.attribute", tag + " " + name));
            }
        }
        if (tag.equals("a") && !href) {
            return Optional.of(new Problem("broadcast.html.href", "-"));
        }
        if (tag.equals("span") && !attributes.contains("tg-spoiler")) {
            return Optional.of(new Problem("broadcast.html.attribute", "span"));
        }
        return Optional.empty();
    }

    /** The text as the reader sees it (tags gone, entities decoded): what Telegram's length limits count. */
    public static int visibleLength(String html) {
        String text = TAG.matcher(html).replaceAll("");
        Matcher entity = ENTITY.matcher(text);
        StringBuilder plain = new StringBuilder();
        while (entity.find()) {
            String found = entity.group();
            String decoded = NAMED.getOrDefault(found, "?");
            entity.appendReplacement(plain, Matcher.quoteReplacement(decoded));
        }
        entity.appendTail(plain);
        return plain.length();
    }

    private TelegramHtml() {
    }
}
