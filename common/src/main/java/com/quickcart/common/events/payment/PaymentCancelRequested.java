package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

/** Command on payment.commands: the customer cancelled; stop collecting (a late payment is refunded to balance). */
@EventContract(type = "PaymentCancelRequested")
public record PaymentCancelRequested(String paymentId) {
}
