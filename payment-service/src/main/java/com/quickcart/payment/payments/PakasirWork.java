package com.quickcart.payment.payments;

import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.payment.config.PakasirProperties;
import com.quickcart.payment.gateway.PakasirGateway;
import com.quickcart.payment.gateway.PakasirGateway.Detail;
import com.quickcart.payment.gateway.PakasirGateway.GatewayRejected;
import com.quickcart.payment.gateway.PakasirGateway.GatewayUnavailable;
import com.quickcart.payment.gateway.PakasirGateway.Transaction;
import com.quickcart.payment.payments.Payments.Payment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The calls payment-service owes Pakasir (create a QRIS, verify callbacks with the detail API,
 * cancel a code), made with no database transaction open, so a slow Pakasir holds threads but
 * never a pooled connection or a row lock. Each call is three steps:
 * <ol>
 *   <li>claim: one autocommitted UPDATE takes a lease on the payment ({@code checking_until}),
 *       so one thread in the cluster makes the call;</li>
 *   <li>call Pakasir;</li>
 *   <li>apply the answer in one short transaction, through guarded transitions (status,
 *       {@code qr_string IS NULL}, the count of callbacks seen at the claim), so an answer
 *       applied twice or too late changes nothing.</li>
 * </ol>
 * A crash between the call and the apply leaves the work owed and the lease running out; the
 * sweep finds it and makes the call again (create and detail are safe to repeat, cancel too).
 *
 * <p>A detail call is made only for a payment whose money may still arrive: at most once per
 * {@code verify-at-most-every} while it is pending, however many callbacks name it, and at most
 * once per {@code late-money-check-every} once it ended unpaid (money paid at the last second is
 * then refunded to the balance).
 */
@Component
public class PakasirWork {

    private static final Logger log = LoggerFactory.getLogger(PakasirWork.class);
    private static final int SWEEP_BATCH = 50;

    private enum Call { NONE, CREATE, VERIFY, CANCEL }

    private final Payments payments;
    private final PaymentProcessing processing;
    private final PakasirGateway pakasir;
    private final TransactionTemplate tx;
    private final PakasirProperties properties;
    private final Clock clock = Clock.systemUTC();

    public PakasirWork(Payments payments, PaymentProcessing processing, PakasirGateway pakasir, TransactionTemplate tx,
                       PakasirProperties properties) {
        this.payments = payments;
        this.processing = processing;
        this.pakasir = pakasir;
        this.tx = tx;
        this.properties = properties;
    }

    /** Makes the calls a payment owes now, if no one else is making them. Never throws for Pakasir's failures. */
    public void runFor(String paymentId) {
        runFor(paymentId, Instant.now(clock));
    }

    /** The same at {@code now}; tests and sweeps pass their own instant. */
    public void runFor(String paymentId, Instant now) {
        try (var ignored = MDC.putCloseable("order_id", paymentId)) {
            // At most one of each call per run: creating may end in a cancel being owed, say.
            for (int calls = 0; calls < Call.values().length; calls++) {
                Optional<Payment> seen = payments.find(paymentId);
                if (seen.isEmpty() || owed(seen.get(), now) == Call.NONE) {
                    return;
                }
                Instant leaseEnds = leaseFrom(now);
                Optional<Payment> claimed = payments.claim(paymentId, now, leaseEnds);
                if (claimed.isEmpty()) {
                    log.debug("another worker holds the payment's Pakasir call");
                    return;
                }
                try {
                    if (!call(owed(claimed.get(), now), claimed.get(), now)) {
                        return;
                    }
                } finally {
                    payments.release(paymentId, leaseEnds);
                }
            }
        }
    }

    /** Every few seconds: the calls left owed by a crash, a busy Pakasir or a callback inside its window. */
    @Scheduled(fixedDelayString = "${quickcart.pakasir.expiry-check-every:10s}")
    public void sweep() {
        sweep(Instant.now(clock));
    }

    public void sweep(Instant now) {
        for (String id : payments.owingPakasir(now, now.minus(properties.verifyAtMostEvery()),
                now.minus(properties.lateMoneyCheckEvery()), SWEEP_BATCH)) {
            try (var ignored = MDC.putCloseable("order_id", id)) {
                try {
                    runFor(id, now);
                } catch (RuntimeException e) {
                    log.warn("Pakasir call postponed: {}", e.getMessage());
                }
            }
        }
    }

    /**
     * A pending QRIS payment past its expiry: ask Pakasir once more (it may have been paid at the
     * last second), else end it here and cancel its code there. Pakasir failing postpones the
     * expiry (the exception reaches the caller); nothing is written until Pakasir has answered.
     */
    public void expire(String paymentId, Instant now) {
        try (var ignored = MDC.putCloseable("order_id", paymentId)) {
            Instant leaseEnds = leaseFrom(now);
            Optional<Payment> claimed = payments.claim(paymentId, now, leaseEnds);
            if (claimed.isEmpty()) {
                return;
            }
            try {
                Payment payment = claimed.get();
                if (!payment.pending()) {
                    return;
                }
                Detail detail = pakasir.detail(payment.id(), payment.amount());
                tx.executeWithoutResult(status -> {
                    if (!processing.checked(payment, detail, now)) {
                        processing.expireUnpaid(payment);
                    }
                });
            } finally {
                payments.release(paymentId, leaseEnds);
            }
        }
        runFor(paymentId, now);
    }

    /** Microseconds, as PostgreSQL stores it, so the release finds the very lease it took. */
    private Instant leaseFrom(Instant now) {
        return now.plus(properties.callLease()).truncatedTo(ChronoUnit.MICROS);
    }

    private Call owed(Payment payment, Instant now) {
        if (payment.pending() && payment.method() == PaymentMethod.QRIS && !payment.qrisCreated()) {
            return Call.CREATE;
        }
        if (payment.verifyRequests() > 0 && (payment.pending() || payment.endedUnpaid()) && checkAllowed(payment, now)) {
            return Call.VERIFY;
        }
        return payment.cancelDue() ? Call.CANCEL : Call.NONE;
    }

    private boolean checkAllowed(Payment payment, Instant now) {
        if (payment.lastVerifiedAt() == null) {
            return true;
        }
        return !now.isBefore(payment.lastVerifiedAt()
                .plus(payment.pending() ? properties.verifyAtMostEvery() : properties.lateMoneyCheckEvery()));
    }

    /** Makes one call and applies its answer; false when Pakasir could not answer and the work stays owed. */
    private boolean call(Call call, Payment payment, Instant now) {
        return switch (call) {
            case NONE -> false;
            case CREATE -> create(payment);
            case VERIFY -> verify(payment, now);
            case CANCEL -> cancel(payment, now);
        };
    }

    private boolean create(Payment payment) {
        Transaction transaction;
        try {
            transaction = pakasir.createQris(payment.id(), payment.amount());
        } catch (GatewayUnavailable | GatewayRejected e) {
            // The customer is told at once to retry or pay by balance, rather than wait on a code that may never come.
            log.warn("QRIS not created: {}", e.getMessage());
            tx.executeWithoutResult(status -> processing.qrisNotCreated(payment));
            return true;
        }
        tx.executeWithoutResult(status -> processing.qrisCreated(payment, transaction));
        return true;
    }

    private boolean verify(Payment payment, Instant now) {
        Detail detail;
        try {
            detail = pakasir.detail(payment.id(), payment.amount());
        } catch (GatewayRejected e) {
            log.warn("Pakasir refuses to detail the payment: {}", e.getMessage());
            tx.executeWithoutResult(status -> processing.uncheckable(payment, now));
            return true;
        } catch (GatewayUnavailable e) {
            // Still owed: the sweep asks again (and the expiry asks before it gives up on the payment).
            log.warn("cannot verify callback now: {}", e.getMessage());
            return false;
        }
        tx.executeWithoutResult(status -> processing.checked(payment, detail, now));
        return true;
    }

    private boolean cancel(Payment payment, Instant now) {
        try {
            pakasir.cancel(payment.id(), payment.amount());
        } catch (GatewayUnavailable e) {
            if (payment.expiresAt() == null || now.isBefore(payment.expiresAt())) {
                log.warn("cancel at Pakasir failed, will retry: {}", e.getMessage());
                return false;
            }
            // The code expired at Pakasir by itself; a late payment is still refunded by settle().
            log.warn("cancel at Pakasir failed after the code expired there: given up: {}", e.getMessage());
        } catch (GatewayRejected e) {
            log.warn("Pakasir refuses to cancel the code: {}", e.getMessage());
        }
        payments.cancelDue(payment.id(), false);
        return true;
    }
}
