package com.quickcart.notifier.outbound;

import com.quickcart.common.events.telegram.BotApiCall.Lane;
import com.quickcart.notifier.config.BotApiProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the bot inside Telegram's limits before a call is made: a token bucket per chat (a short
 * burst, then one message per interval), the bot-wide {@link SendBudget} for bulk sends, and any
 * 429 pause for everyone. The wait falls on the caller's chat lane only ({@link ChatLanes}), so a
 * chat that must wait never holds up another.
 *
 * <p>Per-chat buckets stay in this JVM: a chat's commands share a partition key, so one instance
 * sends to a chat at a time.
 */
public class SendPacer {

    private static final int TRACKED_CHATS = 100_000;
    private static final Set<String> NOT_MESSAGES = Set.of("answercallbackquery", "setmycommands");

    private final SendBudget budget;
    private final Map<Long, TokenBucket> perChat = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TokenBucket> eldest) {
            return size() > TRACKED_CHATS;
        }
    };
    private final int chatBurst;
    private final long chatIntervalNanos;

    public SendPacer(BotApiProperties properties, SendBudget budget) {
        this.budget = budget;
        this.chatBurst = properties.perChatBurst();
        this.chatIntervalNanos = properties.perChatInterval().toNanos();
    }

    /**
     * Waits for this call's slot. Only messages count against a chat's limit; answering a button
     * tap or registering commands is not a message to the chat. Only bulk calls draw on the
     * bot-wide budget: a live reply's user is looking at the chat.
     */
    public void awaitTurn(long chatId, String method, Lane lane) throws InterruptedException {
        boolean message = !NOT_MESSAGES.contains(method.toLowerCase(Locale.ROOT));
        long chatWait = 0;
        if (message) {
            synchronized (perChat) {
                chatWait = perChat.computeIfAbsent(chatId, id -> new TokenBucket(chatBurst, chatIntervalNanos)).reserve(System.nanoTime());
            }
        }
        long bulkWait = lane == Lane.BULK && message ? budget.reserveBulkSlot().toNanos() : 0;
        long waitNanos = Math.max(Math.max(chatWait, bulkWait), budget.pauseRemaining().toNanos());
        if (waitNanos > 0) {
            Thread.sleep(Duration.ofNanos(waitNanos));
        }
    }

    /**
     * Waits for a broadcast message's slot: the chat's own bucket and the broadcast pace, never a
     * live reply's turn (live replies do not draw on either budget). A 429 pause that began while
     * waiting sends the caller round again for a fresh slot after it, so the senders held up by a
     * pause do not all fire the moment it ends.
     */
    public void awaitBroadcastTurn(long chatId) throws InterruptedException {
        long chatWait;
        synchronized (perChat) {
            chatWait = perChat.computeIfAbsent(chatId, id -> new TokenBucket(chatBurst, chatIntervalNanos)).reserve(System.nanoTime());
        }
        while (true) {
            Duration pause = budget.pauseRemaining();
            if (!pause.isZero()) {
                Thread.sleep(pause);
                continue;
            }
            long waitNanos = Math.max(chatWait, budget.reserveBroadcastSlot().toNanos());
            if (waitNanos > 0) {
                Thread.sleep(Duration.ofNanos(waitNanos));
            }
            chatWait = 0;
            if (budget.pauseRemaining().isZero()) {
                return;
            }
        }
    }

    /** Telegram answered 429: every lane of every instance waits {@code retryAfter} before its next call. */
    public void pauseEveryone(Duration retryAfter) {
        budget.pauseEveryone(retryAfter);
    }
}
