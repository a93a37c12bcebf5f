package com.quickcart.notifier.outbound;

/**
 * A token bucket that hands out future slots: {@link #reserve} takes the next free one and says
 * how long to wait for it, so callers never spin. Not thread-safe; the owner synchronises.
 */
final class TokenBucket {

    private final long capacity;
    private final long refillNanos;
    private long nextFreeAt;

    TokenBucket(long capacity, long refillNanos) {
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
