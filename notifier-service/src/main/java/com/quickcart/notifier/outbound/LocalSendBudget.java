package com.quickcart.notifier.outbound;

import java.time.Duration;

/** The budget of a single notifier, kept in this JVM: right only while one instance runs (no REDIS_URL). */
public class LocalSendBudget implements SendBudget {

    private final TokenBucket bulk;
    private long pausedUntilNanos = System.nanoTime();

    public LocalSendBudget(int perSecond) {
        this.bulk = new TokenBucket(perSecond, 1_000_000_000L / perSecond);
    }

    @Override
    public synchronized Duration reserveBulkSlot() {
        return Duration.ofNanos(bulk.reserve(System.nanoTime()));
    }

    @Override
    public synchronized void pauseEveryone(Duration pause) {
        pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + pause.toNanos());
    }

    @Override
    public synchronized Duration pauseRemaining() {
        return Duration.ofNanos(Math.max(0, pausedUntilNanos - System.nanoTime()));
    }
}
