package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

import java.time.Instant;

/**
 * A QRIS code is waiting to be paid. {@code totalPayment} is Pakasir's amount including its fee:
 * the only figure the customer is shown.
 */
@EventContract(type = "PaymentPending")
public record PaymentPending(String paymentId, PaymentPurpose purpose, long userId, long amount, long fee, long totalPayment,
                             String qrString, Instant expiresAt) {
}
