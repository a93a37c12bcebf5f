package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

/** The QRIS code passed its expiry unpaid and was cancelled at Pakasir. */
@EventContract(type = "PaymentExpired")
public record PaymentExpired(String paymentId, PaymentPurpose purpose, long userId) {
}
