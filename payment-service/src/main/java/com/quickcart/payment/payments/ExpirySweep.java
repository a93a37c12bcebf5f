package com.quickcart.payment.payments;

import com.quickcart.payment.config.PakasirProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Every few seconds, ends QRIS payments that passed their expiry plus a grace period (bank
 * clearing and webhooks can lag). Each payment is claimed with a lease, not a row lock, so
 * several instances can sweep at once without doing anything twice and no transaction is open
 * while Pakasir is asked (see {@link PakasirWork#expire}).
 */
@Component
public class ExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final Payments payments;
    private final PakasirWork pakasirWork;
    private final PakasirProperties properties;
    private final Clock clock = Clock.systemUTC();

    public ExpirySweep(Payments payments, PakasirWork pakasirWork, PakasirProperties properties) {
        this.payments = payments;
        this.pakasirWork = pakasirWork;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${quickcart.pakasir.expiry-check-every:10s}")
    public void sweep() {
        sweep(Instant.now(clock));
    }

    /** Ends what is past expiry plus grace at {@code now}; tests pass a later instant instead of waiting. */
    public void sweep(Instant now) {
        Instant cutoff = now.minus(properties.expiryGrace());
        for (String id : payments.pendingQrisExpiredBefore(cutoff, now, 50)) {
            try (var ignored = MDC.putCloseable("order_id", id)) {
                try {
                    pakasirWork.expire(id, now);
                } catch (RuntimeException e) {
                    log.warn("expiry postponed: {}", e.getMessage());
                }
            }
        }
    }
}
