package com.quickcart.order.checkout;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in the checkout saga, and where it may go from there. A guarded move that
 * names a step not in this table is a programming error and fails at once, before any SQL.
 *
 * <pre>
 * PENDING ──StockReserved──▶ AWAITING_PAYMENT ──PaymentSucceeded──▶ PAID ──ItemsDelivered──▶ COMPLETED
 *    │  └─zero total──────────────────────────────────────────────▶ PAID
 *    └─rejected / cancelled / timed out──▶ CANCELLED ◀──PaymentCancelled/Failed── CANCEL_REQUESTED
 * AWAITING_PAYMENT ──customer or timeout──▶ CANCEL_REQUESTED ──PaymentSucceeded──▶ PAID
 * AWAITING_PAYMENT, CANCEL_REQUESTED ──PaymentExpired──▶ EXPIRED
 * CANCELLED, EXPIRED ──money arrived after all, refunded to balance──▶ REFUNDED
 * PAID, COMPLETED ──an operator refunded all or part of it (payment-service agreed)──▶ REFUNDED
 * </pre>
 * A partial refund ends in REFUNDED too: an order is refunded at most once, so nothing can happen
 * to it afterwards; how much went back is recorded beside the status.
 */
public enum OrderStatus {
    PENDING, AWAITING_PAYMENT, CANCEL_REQUESTED, PAID, COMPLETED, CANCELLED, EXPIRED, REFUNDED;

    static {
        PENDING.next = EnumSet.of(AWAITING_PAYMENT, PAID, CANCELLED);
        AWAITING_PAYMENT.next = EnumSet.of(CANCEL_REQUESTED, PAID, CANCELLED, EXPIRED);
        CANCEL_REQUESTED.next = EnumSet.of(PAID, CANCELLED, EXPIRED);
        PAID.next = EnumSet.of(COMPLETED, REFUNDED);
        CANCELLED.next = EnumSet.of(REFUNDED);
        EXPIRED.next = EnumSet.of(REFUNDED);
        COMPLETED.next = EnumSet.of(REFUNDED);
        REFUNDED.next = EnumSet.noneOf(OrderStatus.class);
    }

    private Set<OrderStatus> next;

    public boolean canMoveTo(OrderStatus to) {
        return next.contains(to);
    }

    /** The customer may still ask to cancel: nothing is decided about the money yet. */
    public boolean cancellable() {
        return this == PENDING || this == AWAITING_PAYMENT;
    }

    /** Money was taken for it: an operator may refund it (once, see {@code Orders.Order#refundable}). */
    public boolean refundable() {
        return this == PAID || this == COMPLETED;
    }

    /** The saga is done with the order (only an operator's refund may still move it). */
    public boolean terminal() {
        return next.isEmpty() || this == CANCELLED || this == EXPIRED || this == COMPLETED;
    }
}
