package com.quickcart.faults;

import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What the bot said to each chat, as the fake Bot API saw it, so a shopper waits for its own QR
 * code without scanning every call in the store. Only answered calls (200) count as said.
 */
final class Chats {

    private final Map<Long, BlockingQueue<BotCall>> unread = new ConcurrentHashMap<>();
    private final Map<Long, List<BotCall>> said = new ConcurrentHashMap<>();

    void heard(BotCall call) {
        if (call.status() != 200 || call.chatId() == 0) {
            return;
        }
        said.computeIfAbsent(call.chatId(), c -> new CopyOnWriteArrayList<>()).add(call);
        unread.computeIfAbsent(call.chatId(), c -> new LinkedBlockingQueue<>()).add(call);
    }

    /** The next message to {@code chat} that matches, skipping others; empty when none came within {@code atMost}. */
    Optional<BotCall> next(long chat, Predicate<BotCall> matching, Duration atMost) {
        BlockingQueue<BotCall> queue = unread.computeIfAbsent(chat, c -> new LinkedBlockingQueue<>());
        long deadline = System.nanoTime() + atMost.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                BotCall call = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (call != null && matching.test(call)) {
                    return Optional.of(call);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** Forgets what a chat has not read yet (before an action whose answer it waits for). */
    void skipUnread(long chat) {
        BlockingQueue<BotCall> queue = unread.get(chat);
        if (queue != null) {
            queue.clear();
        }
    }

    /** Every message the bot got through to any chat. */
    List<BotCall> all() {
        return said.values().stream().flatMap(List::stream).toList();
    }
}
