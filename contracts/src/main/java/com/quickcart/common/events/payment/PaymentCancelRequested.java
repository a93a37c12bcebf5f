package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

/**
 * Command on payment.commands: the customer (or the order timeout) asks to stop collecting. It is a
 * request, not a decision: payment-service answers {@link PaymentCancelled} when nothing was taken,
 * and {@link PaymentSucceeded} stands when the money had already arrived.
 */
@EventContract(type = "PaymentCancelRequested")
public record PaymentCancelRequested(String paymentId) {
}
