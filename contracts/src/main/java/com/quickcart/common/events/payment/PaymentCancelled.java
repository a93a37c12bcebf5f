package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

/**
 * payment-service's answer to {@link PaymentCancelRequested} when no money was taken: nothing
 * will be collected for this payment any more. Money that still arrives later (a QRIS paid at the
 * last second) is refunded to the balance and announced by {@link PaymentRefunded}. Only orders
 * are cancelled this way, so the id is all order-service needs to find what ended.
 */
@EventContract(type = "PaymentCancelled")
public record PaymentCancelled(String paymentId) {
}
