package com.quickcart.payment.payments;

import com.quickcart.payment.config.PakasirProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;

/**
 * Every few seconds, ends QRIS payments that passed their expiry plus a grace period (bank
 * clearing and webhooks can lag). Each payment is handled in its own transaction with its row
 * locked, so several instances can sweep at once without doing anything twice.
 */
@Component
public class ExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final Payments payments;
    private final PaymentProcessing processing;
    private final TransactionTemplate tx;
    private final PakasirProperties properties;
    private final Clock clock = Clock.systemUTC();

    public ExpirySweep(Payments payments, PaymentProcessing processing, TransactionTemplate tx, PakasirProperties properties) {
        this.payments = payments;
        this.processing = processing;
        this.tx = tx;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${quickcart.pakasir.expiry-check-every:10s}")
    public void sweep() {
        sweep(Instant.now(clock));
    }

    /** Ends what is past expiry plus grace at {@code now}; tests pass a later instant instead of waiting. */
    public void sweep(Instant now) {
        Instant cutoff = now.minus(properties.expiryGrace());
        for (String id : payments.pendingQrisExpiredBefore(cutoff, 50)) {
            try {
                tx.executeWithoutResult(status -> processing.expire(id));
            } catch (RuntimeException e) {
                log.warn("expiry of payment {} postponed: {}", id, e.getMessage());
            }
        }
    }
}
