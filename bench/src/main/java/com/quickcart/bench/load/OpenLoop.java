package com.quickcart.bench.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Requests at a fixed offered rate whatever the server does (an open system, like users
 * tapping): request {@code i} is due at {@code start + i / rate}. The caller receives the due
 * time and measures from it, so a late send counts as latency, not as a missing sample.
 */
public final class OpenLoop {

    /** Calls {@code fire} with each request's due time ({@link System#nanoTime()}); returns how many were fired. */
    public static int run(int perSecond, Duration duration, LongConsumer fire) {
        int count = (int) (perSecond * duration.toNanos() / 1_000_000_000L);
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            fire.accept(due);
        }
        return count;
    }

    private OpenLoop() {
    }
}
