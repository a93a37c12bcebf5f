package com.quickcart.notifier.config;

import com.quickcart.notifier.outbound.BroadcastPace;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How broadcasts are sent, for all notifier instances together. {@code perSecond}
 * (BROADCAST_PER_SECOND, 25) stays a little under Telegram's ~30 a second for free broadcasts so
 * notices keep headroom; with {@code allowPaidBroadcast} (BROADCAST_ALLOW_PAID, Telegram's
 * {@code allow_paid_broadcast}, charged in Stars) it may go up to 1000. {@code inFlight} bounds the
 * sends under way at once in one instance, and so the messages a crash can repeat; {@code lease}
 * is how long a dead instance's claimed recipients wait before another instance takes them over.
 */
@ConfigurationProperties("quickcart.broadcast")
public record BroadcastProperties(
        @DefaultValue("25") int perSecond,
        @DefaultValue("false") boolean allowPaidBroadcast,
        @DefaultValue("8") int inFlight,
        @DefaultValue("50") int batchSize,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("3s") Duration progressEvery,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("10s") Duration retryBackoff,
        @DefaultValue("500ms") Duration idlePoll) {

    /** Telegram's free broadcast limit and the paid one (allow_paid_broadcast). */
    public static final int FREE_CEILING = 30;
    public static final int PAID_CEILING = 1000;

    public BroadcastProperties {
        int ceiling = allowPaidBroadcast ? PAID_CEILING : FREE_CEILING;
        if (perSecond < 1 || perSecond > ceiling) {
            throw new IllegalArgumentException("BROADCAST_PER_SECOND must be 1.." + ceiling
                    + (allowPaidBroadcast ? " (Telegram's paid broadcast limit)"
                    : " (Telegram's free limit; set BROADCAST_ALLOW_PAID=true to pay for up to " + PAID_CEILING + ")"));
        }
        if (inFlight < 1 || inFlight > 64) {
            throw new IllegalArgumentException("quickcart.broadcast.in-flight must be 1..64");
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("quickcart.broadcast.batch-size must be 1..1000");
        }
        if (lease.compareTo(Duration.ofSeconds(2)) < 0 || progressEvery.isNegative() || progressEvery.isZero()
                || retryBackoff.isNegative() || idlePoll.isNegative() || idlePoll.isZero()) {
            throw new IllegalArgumentException("quickcart.broadcast: lease must be >= 2s, durations positive");
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("quickcart.broadcast.max-attempts must be 1..20");
        }
    }

    public BroadcastPace pace() {
        return new BroadcastPace(perSecond, allowPaidBroadcast);
    }
}
