package com.quickcart.bench.telegram;

import com.quickcart.bench.Endpoints;
import com.quickcart.testsupport.FakeTelegramBotApi;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.TelegramRateLimits;
import org.HdrHistogram.Recorder;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * test-support's fake Bot API on the port the cluster's notifier calls, enforcing Telegram's
 * flood limits, and a stopwatch: for a chat the benchmark is waiting on, the first message the
 * bot sends it stops that chat's clock. The clock starts when the tap was due to be sent (not
 * when it was), so a generator that fell behind cannot hide the delay (coordinated omission).
 */
public final class BenchBotApi implements AutoCloseable {

    private static final Set<String> MESSAGES = Set.of("sendMessage", "sendPhoto", "sendDocument", "sendSticker", "editMessageText");

    private final FakeTelegramBotApi fake;
    private final TelegramRateLimits limits;
    private final ConcurrentMap<Long, Long> waitingSince = new ConcurrentHashMap<>();
    private final Recorder latencies = new Recorder(3);
    private final AtomicLong botCalls = new AtomicLong();
    private final java.util.List<SendWatch> watches = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param globalPerSecond Telegram's overall limit to enforce, 0 for per-chat limits only */
    public BenchBotApi(Endpoints endpoints, int globalPerSecond) {
        this.limits = new TelegramRateLimits(globalPerSecond, 3, 1);
        this.fake = new FakeTelegramBotApi(endpoints.botApiPort(), endpoints.botToken(), this::arrived);
        fake.enforce(limits);
    }

    /** Starts the clock for a chat's reply at {@code dueNanos} ({@link System#nanoTime()}). */
    public void expectReply(long chatId, long dueNanos) {
        waitingSince.put(chatId, dueNanos);
    }

    private void arrived(BotCall call) {
        botCalls.incrementAndGet();
        watches.forEach(watch -> watch.seen(call));
        if (call.status() != 200 || !MESSAGES.contains(call.method())) {
            return;
        }
        Long due = waitingSince.remove(call.chatId());
        if (due != null) {
            latencies.recordValue(Math.max(0, System.nanoTime() - due) / 1_000); // microseconds
        }
        // The fake keeps every call for tests' assertions; a benchmark would only grow it.
        if (botCalls.get() % 5_000 == 0) {
            fake.reset();
            fake.enforce(limits);
        }
    }

    /** Counts from now on the messages whose text contains {@code marker} (a broadcast's), and when they came. */
    public SendWatch watch(String marker) {
        SendWatch watch = new SendWatch(marker);
        watches.add(watch);
        return watch;
    }

    /** The messages carrying one marker as the fake received them: accepted, refused with 429, first and last arrival, chats served twice. */
    public static final class SendWatch {
        private final String marker;
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private final Set<Long> chats = ConcurrentHashMap.newKeySet();
        private final AtomicLong repeats = new AtomicLong();
        private volatile long firstNanos;
        private volatile long lastNanos;

        private SendWatch(String marker) {
            this.marker = marker;
        }

        private void seen(BotCall call) {
            String text = call.text();
            if (text == null || !text.contains(marker)) {
                return;
            }
            if (call.status() != 200) {
                refused.incrementAndGet();
                return;
            }
            long now = System.nanoTime();
            if (accepted.getAndIncrement() == 0) {
                firstNanos = now;
            }
            lastNanos = now;
            if (!chats.add(call.chatId())) {
                repeats.incrementAndGet();
            }
        }

        public long accepted() {
            return accepted.get();
        }

        public long refused() {
            return refused.get();
        }

        public long repeats() {
            return repeats.get();
        }

        /** Messages a second from the first accepted to the last: the rate the broadcast achieved. */
        public double perSecond() {
            long count = accepted.get();
            return count < 2 ? 0 : (count - 1) * 1e9 / Math.max(1, lastNanos - firstNanos);
        }
    }

    /** Chats still waiting for their first reply. */
    public int waiting() {
        return waitingSince.size();
    }

    /** Forgets the chats still waiting (they count as unanswered) and hands over what was measured. */
    public org.HdrHistogram.Histogram takeLatencies() {
        waitingSince.clear();
        return latencies.getIntervalHistogram();
    }

    public long refusedWith429() {
        return limits.refused();
    }

    public long calls() {
        return botCalls.get();
    }

    @Override
    public void close() {
        fake.close();
    }
}
