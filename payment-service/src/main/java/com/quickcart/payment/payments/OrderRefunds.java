package com.quickcart.payment.payments;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.payment.OrderRefundRefused;
import com.quickcart.common.events.payment.OrderRefundRequested;
import com.quickcart.common.events.payment.OrderRefunded;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.payment.payments.Payments.Payment;
import com.quickcart.payment.wallet.Wallet;
import com.quickcart.payment.wallet.Wallet.EntryType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * An operator's refund of a paid order to the customer's balance, full or partial. payment-service
 * holds the money, so it judges: the payment must be a paid order, the amount between 1 and what
 * the payment took, and an order is refunded at most once. The guarded move {@code PAID → REFUNDED}
 * decides a race between two requests; the ledger's unique ({@code REFUND}, order id) would refuse
 * a second credit even if it did not. Runs in the inbox's transaction.
 */
@Service
public class OrderRefunds {

    private static final Logger log = LoggerFactory.getLogger(OrderRefunds.class);

    private final Payments payments;
    private final Wallet wallet;
    private final Outbox outbox;
    private final EventCodec codec;

    public OrderRefunds(Payments payments, Wallet wallet, Outbox outbox, EventCodec codec) {
        this.payments = payments;
        this.wallet = wallet;
        this.outbox = outbox;
        this.codec = codec;
    }

    public void requested(OrderRefundRequested request) {
        try (var ignored = MDC.putCloseable("order_id", request.orderId())) {
            Optional<Payment> found = payments.find(request.orderId()).filter(p -> p.purpose() == PaymentPurpose.ORDER);
            if (found.isEmpty() || !(found.get().status().equals("PAID") || found.get().status().equals("REFUNDED"))) {
                refuse(request, 0, 0, OrderRefundRefused.NOT_PAID);
                return;
            }
            Payment payment = found.get();
            if (payment.status().equals("REFUNDED")) {
                refuse(request, payment.amount(), payments.refunded(payment.id()), OrderRefundRefused.ALREADY_REFUNDED);
                return;
            }
            if (request.amount() < 1 || request.amount() > payment.amount()) {
                refuse(request, payment.amount(), 0, OrderRefundRefused.ABOVE_PAID);
                return;
            }
            if (!payments.refund(payment.id(), request.amount())) {
                refuse(request, payment.amount(), payments.refunded(payment.id()), OrderRefundRefused.ALREADY_REFUNDED);
                return;
            }
            long balance = wallet.credit(payment.userId(), EntryType.REFUND, request.amount(), payment.id());
            outbox.append(Topics.PAYMENT_EVENTS, codec.wrap(payment.id(), new OrderRefunded(payment.id(), payment.userId(),
                    request.amount(), payment.amount(), balance, request.reason(), request.operatorId())));
            log.info("order refunded to balance amount={} paid={} operator={}", request.amount(), payment.amount(),
                    request.operatorId());
        }
    }

    private void refuse(OrderRefundRequested request, long paid, long refunded, String reason) {
        outbox.append(Topics.PAYMENT_EVENTS, codec.wrap(request.orderId(), new OrderRefundRefused(request.orderId(),
                request.amount(), paid, refunded, reason, request.operatorId())));
        log.info("order refund refused reason={} amount={} paid={}", reason, request.amount(), paid);
    }
}
