package com.quickcart.notifier.outbound;

/**
 * How fast broadcasts go, for every notifier instance together: {@code perSecond} evenly spaced
 * (no burst: Telegram counts any one second, and a burst after a quiet spell would overrun it).
 * A free broadcast also draws on the bot-wide bulk budget, so broadcasts and unsolicited notices
 * together stay inside Telegram's ~30 a second; a paid one ({@code allow_paid_broadcast}) is held
 * only to its own, higher ceiling.
 */
public record BroadcastPace(int perSecond, boolean paid) {

    public BroadcastPace {
        if (perSecond < 1) {
            throw new IllegalArgumentException("broadcast rate must be >= 1 a second");
        }
    }

    /** The pace used when nothing is configured: a little under the bulk budget. */
    public static BroadcastPace under(int bulkPerSecond) {
        return new BroadcastPace(Math.max(1, bulkPerSecond * 5 / 6), false);
    }
}
