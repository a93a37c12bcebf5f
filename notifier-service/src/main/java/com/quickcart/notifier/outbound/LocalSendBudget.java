package com.quickcart.notifier.outbound;

import java.time.Duration;

/** The budget of a single notifier, kept in this JVM: right only while one instance runs (no REDIS_URL). */
public class LocalSendBudget implements SendBudget {

    private final TokenBucket bulk;
    private final TokenBucket broadcast;
    private final boolean broadcastDrawsOnBulk;
    private long pausedUntilNanos = System.nanoTime();

    public LocalSendBudget(int perSecond) {
        this(perSecond, BroadcastPace.under(perSecond));
    }

    public LocalSendBudget(int perSecond, BroadcastPace pace) {
        this.bulk = new TokenBucket(perSecond, 1_000_000_000L / perSecond);
        this.broadcast = new TokenBucket(1, 1_000_000_000L / pace.perSecond());
        this.broadcastDrawsOnBulk = !pace.paid();
    }

    @Override
    public synchronized Duration reserveBroadcastSlot() {
        long now = System.nanoTime();
        long wait = broadcast.reserve(now);
        if (broadcastDrawsOnBulk) {
            wait = Math.max(wait, bulk.reserve(now));
        }
        return Duration.ofNanos(wait);
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
