package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

/** No money will come: {@code reason} is INSUFFICIENT_BALANCE or GATEWAY_UNAVAILABLE. */
@EventContract(type = "PaymentFailed")
public record PaymentFailed(String paymentId, PaymentPurpose purpose, long userId, String reason) {

    public static final String INSUFFICIENT_BALANCE = "INSUFFICIENT_BALANCE";
    public static final String GATEWAY_UNAVAILABLE = "GATEWAY_UNAVAILABLE";
}
