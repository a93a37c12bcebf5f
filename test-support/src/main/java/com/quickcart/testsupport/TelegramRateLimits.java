package com.quickcart.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Telegram's flood limits as the fake Bot API enforces them when asked to: messages to one chat
 * (a short burst, then about one a second) and, optionally, messages overall in any one second.
 * A message past either limit is refused the way Telegram refuses it, with 429 and a
 * {@code retry_after}, so a benchmark sees what our pacing would cost against the real API.
 * Answering a button tap or registering commands is not a message and is never limited.
 */
public final class TelegramRateLimits {

    private static final long SECOND = 1_000_000_000L;
    private static final Set<String> MESSAGES = Set.of("sendmessage", "sendphoto", "senddocument", "sendsticker",
            "copymessage", "forwardmessage", "editmessagetext");

    private final int globalPerSecond;
    private final int perChatBurst;
    private final long perChatIntervalNanos;
    private final Deque<Long> lastSecond = new ArrayDeque<>();
    private final Map<Long, long[]> chatBuckets = new HashMap<>();
    private long refused;

    /**
     * @param globalPerSecond messages per second over all chats, 0 for no overall limit (replies
     *                        to users who wrote to the bot are not held to the bulk limit)
     * @param perChatBurst    messages a chat may receive back to back before the per-chat rate applies
     * @param perChatPerSecond messages per second to one chat after the burst
     */
    public TelegramRateLimits(int globalPerSecond, int perChatBurst, int perChatPerSecond) {
        if (globalPerSecond < 0 || perChatBurst < 1 || perChatPerSecond < 1) {
            throw new IllegalArgumentException("limits must be positive (global 0 = none)");
        }
        this.globalPerSecond = globalPerSecond;
        this.perChatBurst = perChatBurst;
        this.perChatIntervalNanos = SECOND / perChatPerSecond;
    }

    /** Telegram's documented limits: about 30 messages a second overall, about one a second per chat. */
    public static TelegramRateLimits telegrams() {
        return new TelegramRateLimits(30, 3, 1);
    }

    /**
     * Counts this call against the limits; empty when it may go through, else the seconds to
     * put in {@code retry_after}. A refused call does not use up a slot, as with Telegram.
     */
    public synchronized OptionalInt check(String method, long chatId, long nowNanos) {
        if (!MESSAGES.contains(method.toLowerCase(Locale.ROOT))) {
            return OptionalInt.empty();
        }
        while (!lastSecond.isEmpty() && lastSecond.peekFirst() <= nowNanos - SECOND) {
            lastSecond.pollFirst();
        }
        if (globalPerSecond > 0 && lastSecond.size() >= globalPerSecond) {
            refused++;
            return OptionalInt.of(1);
        }
        // Token bucket per chat: tokens[0] = tokens left, tokens[1] = when they were counted.
        long[] bucket = chatBuckets.computeIfAbsent(chatId, id -> new long[] {perChatBurst, nowNanos});
        long earned = (nowNanos - bucket[1]) / perChatIntervalNanos;
        if (earned > 0) {
            bucket[0] = Math.min(perChatBurst, bucket[0] + earned);
            bucket[1] += earned * perChatIntervalNanos;
        }
        if (bucket[0] == 0) {
            refused++;
            long waitNanos = bucket[1] + perChatIntervalNanos - nowNanos;
            return OptionalInt.of((int) Math.max(1, (waitNanos + SECOND - 1) / SECOND));
        }
        bucket[0]--;
        lastSecond.addLast(nowNanos);
        return OptionalInt.empty();
    }

    /** How many calls were refused with 429 so far. */
    public synchronized long refused() {
        return refused;
    }
}
