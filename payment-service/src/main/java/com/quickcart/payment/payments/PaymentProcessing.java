package com.quickcart.payment.payments;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.events.pakasir.PakasirCallbackReceived;
import com.quickcart.common.events.payment.PaymentCancelRequested;
import com.quickcart.common.events.payment.PaymentExpired;
import com.quickcart.common.events.payment.PaymentFailed;
import com.quickcart.common.events.payment.PaymentPending;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.common.events.payment.PaymentRefunded;
import com.quickcart.common.events.payment.PaymentRequested;
import com.quickcart.common.events.payment.PaymentSucceeded;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.payment.config.PakasirProperties;
import com.quickcart.payment.gateway.PakasirGateway;
import com.quickcart.payment.gateway.PakasirGateway.Detail;
import com.quickcart.payment.gateway.PakasirGateway.Transaction;
import com.quickcart.payment.payments.Payments.Payment;
import com.quickcart.payment.wallet.Wallet;
import com.quickcart.payment.wallet.Wallet.EntryType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * payment-service's part of the saga. It never trusts a callback: money is believed only when
 * Pakasir's detail API says {@code completed} for the same order id and amount. Every method
 * runs inside the transaction of the event that caused it.
 */
@Service
public class PaymentProcessing {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessing.class);

    private final Payments payments;
    private final Wallet wallet;
    private final PakasirGateway pakasir;
    private final Outbox outbox;
    private final EventCodec codec;
    private final String project;

    public PaymentProcessing(Payments payments, Wallet wallet, PakasirGateway pakasir, Outbox outbox, EventCodec codec,
                             PakasirProperties properties) {
        this.payments = payments;
        this.wallet = wallet;
        this.pakasir = pakasir;
        this.outbox = outbox;
        this.codec = codec;
        this.project = properties.project();
    }

    public void requested(PaymentRequested request) {
        try (var ignored = MDC.putCloseable("order_id", request.paymentId())) {
            if (!payments.open(request)) {
                return;
            }
            if (request.method() == PaymentMethod.BALANCE) {
                payFromBalance(request);
            } else {
                createQris(request);
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
                request.chatId(), request.language(), request.amount(), PaymentMethod.BALANCE));
    }

    private void createQris(PaymentRequested request) {
        Transaction transaction;
        try {
            transaction = pakasir.createQris(request.paymentId(), request.amount());
        } catch (PakasirGateway.GatewayUnavailable | PakasirGateway.GatewayRejected e) {
            log.warn("QRIS not created: {}", e.getMessage());
            fail(request.paymentId(), PaymentFailed.GATEWAY_UNAVAILABLE);
            return;
        }
        payments.recordQris(request.paymentId(), transaction.fee(), transaction.totalPayment(), transaction.qrString(),
                transaction.expiresAt());
        publish(request.paymentId(), new PaymentPending(request.paymentId(), request.purpose(), request.userId(),
                request.chatId(), request.language(), request.amount(), transaction.fee(), transaction.totalPayment(),
                transaction.qrString(), transaction.expiresAt()));
    }

    /** A webhook body: a hint to ask Pakasir, never proof of payment. */
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
            Detail detail;
            try {
                detail = pakasir.detail(payment.id(), payment.amount());
            } catch (PakasirGateway.GatewayUnavailable | PakasirGateway.GatewayRejected e) {
                // Not lost: the expiry sweep asks Pakasir again before it gives up on the payment.
                log.warn("cannot verify callback now: {}", e.getMessage());
                return;
            }
            if (!verified(payment, detail)) {
                log.warn("Pakasir does not confirm the callback: status={} amount_matches={}", detail.status(),
                        detail.amount() == payment.amount());
                return;
            }
            settle(payment);
        }
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
            wallet.credit(payment.userId(), EntryType.REFUND, payment.amount(), payment.id());
            publish(payment.id(), new PaymentRefunded(payment.id(), payment.userId(), payment.chatId(), payment.language(), payment.amount()));
        }
    }

    public void cancelRequested(PaymentCancelRequested request) {
        try (var ignored = MDC.putCloseable("order_id", request.paymentId())) {
            Optional<Payment> payment = payments.find(request.paymentId());
            if (payment.isEmpty() || !payments.move(request.paymentId(), "CANCELLED", "PENDING")) {
                return;
            }
            if (payment.get().method() == PaymentMethod.QRIS) {
                cancelAtPakasir(payment.get());
            }
        }
    }

    /**
     * An unpaid QRIS payment past its expiry: ask Pakasir once more (it may have been paid at the
     * last second), else cancel it there and here.
     */
    public void expire(String paymentId) {
        try (var ignored = MDC.putCloseable("order_id", paymentId)) {
            Optional<Payment> locked = payments.lockPending(paymentId);
            if (locked.isEmpty()) {
                return;
            }
            Payment payment = locked.get();
            Detail detail = pakasir.detail(payment.id(), payment.amount());
            if (verified(payment, detail)) {
                settle(payment);
                return;
            }
            cancelAtPakasir(payment);
            payments.move(payment.id(), "EXPIRED", "PENDING");
            publish(payment.id(), new PaymentExpired(payment.id(), payment.purpose(), payment.userId(), payment.chatId(), payment.language()));
            log.info("payment expired");
        }
    }

    private void cancelAtPakasir(Payment payment) {
        try {
            pakasir.cancel(payment.id(), payment.amount());
        } catch (RuntimeException e) {
            // The code expires at Pakasir anyway; a late payment is refunded by settle().
            log.warn("cancel at Pakasir failed: {}", e.getMessage());
        }
    }

    private void fail(String paymentId, String reason) {
        Payment payment = payments.find(paymentId).orElseThrow();
        payments.move(paymentId, "FAILED", "PENDING");
        publish(paymentId, new PaymentFailed(paymentId, payment.purpose(), payment.userId(), payment.chatId(), payment.language(), reason));
    }

    private PaymentSucceeded succeeded(Payment payment) {
        return new PaymentSucceeded(payment.id(), payment.purpose(), payment.userId(), payment.chatId(), payment.language(),
                payment.amount(), payment.method());
    }

    private void publish(String paymentId, Object event) {
        outbox.append(Topics.PAYMENT_EVENTS, codec.wrap(paymentId, event));
    }
}
