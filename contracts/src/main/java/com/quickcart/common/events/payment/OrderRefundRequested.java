package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

/**
 * Command on payment.commands, keyed by order id: an operator refunds {@code amount} rupiah of a
 * paid order to the customer's balance, for {@code reason}. payment-service is the judge: it
 * refunds an order at most once and never more than the payment took, and answers
 * {@link OrderRefunded} or {@link OrderRefundRefused}. (Money that arrived after an order had
 * ended goes back whole through {@link RefundRequested}, which no operator asks for.)
 */
@EventContract(type = "OrderRefundRequested")
public record OrderRefundRequested(String orderId, long amount, String reason, long operatorId) {
}
