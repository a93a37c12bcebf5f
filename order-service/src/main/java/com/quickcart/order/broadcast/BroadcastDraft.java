package com.quickcart.order.broadcast;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules a broadcast's message must pass before anyone is asked to confirm it: HTML Telegram
 * will parse, no longer than a message (4096) or a photo caption (1024) as the reader sees it, and
 * a URL button written {@code Label | https://...}.
 */
public final class BroadcastDraft {

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    static final int MAX_LABEL = 40;

    /** Why the message cannot be broadcast, or empty when it can. */
    public static Optional<TelegramHtml.Problem> checkMessage(String html, boolean caption) {
        if (html == null || html.isBlank()) {
            return caption ? Optional.empty() : Optional.of(new TelegramHtml.Problem("broadcast.message.empty", ""));
        }
        Optional<TelegramHtml.Problem> problem = TelegramHtml.check(html);
        if (problem.isPresent()) {
            return problem;
        }
        int limit = caption ? MAX_CAPTION : MAX_TEXT;
        if (TelegramHtml.visibleLength(html) > limit) {
            return Optional.of(new TelegramHtml.Problem("broadcast.message.long", Integer.toString(limit)));
        }
        return Optional.empty();
    }

    /** A URL button: its label and an https address with a host. */
    public record Link(String label, String url) {
    }

    /** {@code Label | https://...}, or empty when the line is not that. */
    public static Optional<Link> parseLink(String line) {
        int bar = line.lastIndexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        String label = line.substring(0, bar).strip();
        String url = line.substring(bar + 1).strip();
        if (label.isEmpty() || label.length() > MAX_LABEL || url.length() > 2048 || url.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url);
            if (!"https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null
                    || !uri.getHost().contains(".")) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new Link(label, url));
    }

    private BroadcastDraft() {
    }
}
