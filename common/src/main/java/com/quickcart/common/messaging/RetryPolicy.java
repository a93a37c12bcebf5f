package com.quickcart.common.messaging;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How long a failed record is tried again, by what failed: a {@link PermanentFailure} not at all;
 * a transient failure ({@link FailureClassifier}) with capped exponential backoff for as long as it
 * lasts; anything else a bounded number of times. The error handler and the notifier's chat lanes
 * both ask this one policy.
 */
public final class RetryPolicy {

    private final MessagingProperties properties;

    public RetryPolicy(MessagingProperties properties) {
        this.properties = properties;
    }

    public BackOff backOffFor(Throwable failure) {
        if (isPermanent(failure)) {
            return new FixedBackOff(0, 0);
        }
        if (FailureClassifier.isTransient(failure)) {
            ExponentialBackOff untilItPasses = new ExponentialBackOff(initialMillis(), 2.0);
            untilItPasses.setMaxInterval(properties.transientBackoffMax().toMillis());
            return untilItPasses;
        }
        return bounded();
    }

    /** maxAttempts in all, the waits doubling from retryBackoff up to 10 s. */
    public BackOff bounded() {
        ExponentialBackOff backOff = new ExponentialBackOff(initialMillis(), 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxAttempts(properties.maxAttempts() - 1);
        return backOff;
    }

    private long initialMillis() {
        return Math.max(1, properties.retryBackoff().toMillis());
    }

    private static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PermanentFailure) {
                return true;
            }
        }
        return false;
    }
}
