package com.quickcart.notifier.outbound;

import com.quickcart.notifier.config.BotApiProperties;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the bot inside Telegram's limits before a call is made: a token bucket per chat
 * (a short burst, then one message per interval) and one for the whole bot (30/s). Blocking
 * is fine here: the calling listener thread owns the chat's partition anyway.
 */
@Component
public class SendPacer {

    private static final int TRACKED_CHATS = 100_000;
    private static final java.util.Set<String> NOT_MESSAGES = java.util.Set.of("answercallbackquery", "setmycommands");

    private final Bucket global;
    private final Map<Long, Bucket> perChat = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Bucket> eldest) {
            return size() > TRACKED_CHATS;
        }
    };
    private final int chatBurst;
    private final long chatIntervalNanos;

    public SendPacer(BotApiProperties properties) {
        this.global = new Bucket(properties.globalPerSecond(), 1_000_000_000L / properties.globalPerSecond());
        this.chatBurst = properties.perChatBurst();
        this.chatIntervalNanos = properties.perChatInterval().toNanos();
    }

    /**
     * Waits for this call's slot. Only messages count against a chat's limit; answering a button
     * tap or registering commands is not a message to the chat and waits only for the global slot.
     */
    public void awaitTurn(long chatId, String method) throws InterruptedException {
        boolean message = !NOT_MESSAGES.contains(method.toLowerCase(java.util.Locale.ROOT));
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            long chatWait = message ? perChat.computeIfAbsent(chatId, id -> new Bucket(chatBurst, chatIntervalNanos)).reserve(now) : 0;
            waitNanos = Math.max(chatWait, global.reserve(now));
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    /** A token bucket that hands out future slots: reserve() says how long to wait for yours. */
    private static final class Bucket {
        private final long capacity;
        private final long refillNanos;
        private long nextFreeAt;

        Bucket(long capacity, long refillNanos) {
            this.capacity = capacity;
            this.refillNanos = refillNanos;
            this.nextFreeAt = Long.MIN_VALUE / 2;
        }

        long reserve(long now) {
            long earliest = now - (capacity - 1) * refillNanos;
            nextFreeAt = Math.max(nextFreeAt, earliest) + refillNanos;
            return Math.max(0, nextFreeAt - refillNanos - now);
        }
    }
}
