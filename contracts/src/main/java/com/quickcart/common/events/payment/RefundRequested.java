package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

/**
 * Command on payment.commands: money was taken for an order that had already ended unpaid (or
 * whose goods cannot be handed over), so it goes back to the customer's balance. payment-service
 * refunds a payment at most once and never more than it took; {@code reason} is for the audit trail.
 */
@EventContract(type = "RefundRequested")
public record RefundRequested(String paymentId, String reason) {
}
