package com.quickcart.common.events.payment;

/** What a payment is for: an order's goods, or a deposit to the customer's balance. */
public enum PaymentPurpose {
    ORDER, DEPOSIT
}
