package com.quickcart.payment.payments;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.events.pakasir.PakasirCallbackReceived;
import com.quickcart.common.events.payment.PaymentCancelRequested;
import com.quickcart.common.events.payment.PaymentCancelled;
import com.quickcart.common.events.payment.PaymentExpired;
import com.quickcart.common.events.payment.PaymentFailed;
import com.quickcart.common.events.payment.PaymentPending;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.common.events.payment.PaymentRefunded;
import com.quickcart.common.events.payment.PaymentRequested;
import com.quickcart.common.events.payment.RefundRequested;
import com.quickcart.common.events.payment.PaymentSucceeded;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.payment.config.PakasirProperties;
import com.quickcart.payment.gateway.PakasirGateway.Detail;
import com.quickcart.payment.gateway.PakasirGateway.Transaction;
import com.quickcart.payment.payments.Payments.Payment;
import com.quickcart.payment.wallet.Wallet;
import com.quickcart.payment.wallet.Wallet.EntryType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Optional;

/**
 * payment-service's part of the saga. It never trusts a callback: money is believed only when
 * Pakasir's detail API says {@code completed} for the same order id and amount. Every method
 * runs inside one short transaction, either that of the event that caused it (the inbox) or
 * that of {@link PakasirWork} applying what Pakasir answered, and none calls Pakasir: a handler
 * only records that a call is owed (a QRIS to create, a callback to verify, a code to cancel),
 * and {@link PakasirWork} makes it with no transaction open.
 */
@Service
public class PaymentProcessing {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessing.class);

    private final Payments payments;
    private final Wallet wallet;
    private final Outbox outbox;
    private final EventCodec codec;
    private final String project;

    public PaymentProcessing(Payments payments, Wallet wallet, Outbox outbox, EventCodec codec, PakasirProperties properties) {
        this.payments = payments;
        this.wallet = wallet;
        this.outbox = outbox;
        this.codec = codec;
        this.project = properties.project();
    }

    /** A balance payment is decided here; a QRIS payment is opened, its code owed to {@link PakasirWork}. */
    public void requested(PaymentRequested request) {
        try (var ignored = MDC.putCloseable("order_id", request.paymentId())) {
            if (payments.open(request) && request.method() == PaymentMethod.BALANCE) {
                payFromBalance(request);
            }
        }
    }

    private void payFromBalance(PaymentRequested request) {
        if (request.purpose() == PaymentPurpose.DEPOSIT) {
            fail(request.paymentId(), PaymentFailed.GATEWAY_UNAVAILABLE);
            return;
        }
        Optional<Long> after = wallet.debit(request.userId(), EntryType.PURCHASE, request.amount(), request.paymentId());
        if (after.isEmpty()) {
            fail(request.paymentId(), PaymentFailed.INSUFFICIENT_BALANCE);
            return;
        }
        payments.move(request.paymentId(), "PAID", "PENDING");
        publish(request.paymentId(), new PaymentSucceeded(request.paymentId(), request.purpose(), request.userId(),
                request.amount(), PaymentMethod.BALANCE));
    }

    /** Pakasir created the code: the customer is shown it, unless the payment ended meanwhile (its cancel is owed). */
    void qrisCreated(Payment payment, Transaction transaction) {
        if (!payments.recordQris(payment.id(), transaction.fee(), transaction.totalPayment(), transaction.qrString(),
                transaction.expiresAt())) {
            log.info("QRIS created for a payment that is no longer waiting for one: not shown");
            return;
        }
        publish(payment.id(), new PaymentPending(payment.id(), payment.purpose(), payment.userId(),
                payment.amount(), transaction.fee(), transaction.totalPayment(), transaction.qrString(),
                transaction.expiresAt()));
    }

    void qrisNotCreated(Payment payment) {
        fail(payment.id(), PaymentFailed.GATEWAY_UNAVAILABLE);
    }

    /**
     * A webhook body: a hint to ask Pakasir, never proof of payment. It costs no call here: it
     * adds to the payment's count of callbacks to verify, which {@link PakasirWork} answers with
     * one detail call however many arrived. Only payments whose money may still come count: a
     * paid, refunded or failed payment has nothing to learn from Pakasir, whatever a callback says.
     */
    public void callback(PakasirCallbackReceived callback) {
        try (var ignored = MDC.putCloseable("order_id", callback.orderId())) {
            Optional<Payment> found = payments.find(callback.orderId());
            if (found.isEmpty() || !project.equals(callback.project())) {
                log.warn("callback for an unknown payment or project: ignored");
                return;
            }
            Payment payment = found.get();
            if (payment.amount() != callback.amount() || !"completed".equals(callback.status())) {
                log.warn("callback does not match the payment (amount or status): ignored status={}", callback.status());
                return;
            }
            if (!payments.requestVerification(payment.id())) {
                log.info("callback for a payment already {}: nothing to verify", payment.status());
            }
        }
    }

    /**
     * Pakasir's answer to a detail call made at {@code at}: the callbacks counted when the call
     * was claimed are answered, and confirmed money is settled. Returns whether it was confirmed.
     */
    boolean checked(Payment claimed, Detail detail, Instant at) {
        payments.verified(claimed.id(), claimed.verifyRequests(), at);
        if (!verified(claimed, detail)) {
            log.info("Pakasir does not confirm a payment: status={} amount_matches={}", detail.status(),
                    detail.amount() == claimed.amount());
            return false;
        }
        settle(claimed);
        return true;
    }

    /** Pakasir knows no such transaction: the callbacks are answered, nothing was paid. */
    void uncheckable(Payment claimed, Instant at) {
        payments.verified(claimed.id(), claimed.verifyRequests(), at);
    }

    static boolean verified(Payment payment, Detail detail) {
        return detail.completed() && detail.amount() == payment.amount() && payment.id().equals(detail.orderId());
    }

    /** Money confirmed by Pakasir. A payment that already ended unpaid is refunded to the balance. */
    void settle(Payment payment) {
        if (payment.purpose() == PaymentPurpose.DEPOSIT) {
            if (payments.move(payment.id(), "PAID", "PENDING", "EXPIRED", "CANCELLED")) {
                wallet.credit(payment.userId(), EntryType.DEPOSIT, payment.amount(), payment.id());
                publish(payment.id(), succeeded(payment));
            }
        } else if (payments.move(payment.id(), "PAID", "PENDING")) {
            publish(payment.id(), succeeded(payment));
        } else if (payments.move(payment.id(), "REFUNDED", "EXPIRED", "CANCELLED")) {
            refund(payment, "paid after the payment had ended");
        }
    }

    /**
     * A cancel is a request: payment-service holds the money, so it decides. A payment still
     * waiting is cancelled and answered with {@link PaymentCancelled}; one already decided answers
     * with its outcome again (the order may ask twice when an answer was slow), so the order
     * always ends on what really happened to the money.
     */
    public void cancelRequested(PaymentCancelRequested request) {
        String id = request.paymentId();
        try (var ignored = MDC.putCloseable("order_id", id)) {
            Optional<Payment> found = payments.find(id);
            if (found.isEmpty()) {
                // Its PaymentRequested never arrived (dead-lettered, say): nothing was or will be collected.
                publish(id, new PaymentCancelled(id));
                return;
            }
            Payment payment = found.get();
            if (payments.move(id, "CANCELLED", "PENDING")) {
                if (payment.method() == PaymentMethod.QRIS) {
                    // The code is cancelled at Pakasir by PakasirWork once this commits; money paid to it meanwhile is refunded.
                    payments.cancelDue(id, true);
                }
                publish(id, new PaymentCancelled(id));
                log.info("payment cancelled on request");
                return;
            }
            answerAgain(payments.find(id).orElseThrow());
        }
    }

    private void answerAgain(Payment payment) {
        switch (payment.status()) {
            case "PAID" -> publish(payment.id(), succeeded(payment));
            case "CANCELLED" -> publish(payment.id(), new PaymentCancelled(payment.id()));
            case "EXPIRED" -> publish(payment.id(), new PaymentExpired(payment.id(), payment.purpose(), payment.userId()));
            // FAILED was answered with its reason, REFUNDED with PaymentRefunded: nothing new to say.
            default -> log.info("cancel request for a payment already {}: nothing to do", payment.status());
        }
    }

    /**
     * order-service found money taken for an order that cannot be fulfilled (it had already
     * ended): the whole amount goes back to the customer's balance, once, and never more than
     * was taken (the guarded move and the ledger's unique (type, reference) both ensure it).
     */
    public void refundRequested(RefundRequested request) {
        String id = request.paymentId();
        try (var ignored = MDC.putCloseable("order_id", id)) {
            Optional<Payment> found = payments.find(id);
            if (found.isEmpty() || found.get().purpose() != PaymentPurpose.ORDER || !payments.move(id, "REFUNDED", "PAID")) {
                log.info("refund request with nothing to refund: status={}", found.map(Payment::status).orElse("none"));
                return;
            }
            refund(found.get(), request.reason());
        }
    }

    private void refund(Payment payment, String reason) {
        payments.recordRefunded(payment.id(), payment.amount());
        wallet.credit(payment.userId(), EntryType.REFUND, payment.amount(), payment.id());
        publish(payment.id(), new PaymentRefunded(payment.id(), payment.userId(), payment.amount()));
        log.info("payment refunded to balance amount={} reason={}", payment.amount(), reason);
    }

    /** Pakasir confirmed no money for a QRIS payment past its expiry: it ends here, and its code is to be cancelled there. */
    void expireUnpaid(Payment payment) {
        if (payments.move(payment.id(), "EXPIRED", "PENDING")) {
            payments.cancelDue(payment.id(), true);
            publish(payment.id(), new PaymentExpired(payment.id(), payment.purpose(), payment.userId()));
            log.info("payment expired");
        }
    }

    private void fail(String paymentId, String reason) {
        Payment payment = payments.find(paymentId).orElseThrow();
        if (!payments.move(paymentId, "FAILED", "PENDING")) {
            log.info("payment already {}: not failed", payment.status());
            return;
        }
        publish(paymentId, new PaymentFailed(paymentId, payment.purpose(), payment.userId(), reason));
    }

    private PaymentSucceeded succeeded(Payment payment) {
        return new PaymentSucceeded(payment.id(), payment.purpose(), payment.userId(), payment.amount(), payment.method());
    }

    private void publish(String paymentId, Object event) {
        outbox.append(Topics.PAYMENT_EVENTS, codec.wrap(paymentId, event));
    }
}
