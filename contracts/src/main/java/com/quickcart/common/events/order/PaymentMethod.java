package com.quickcart.common.events.order;

/** How a customer pays: a QRIS code through Pakasir, or their prepaid balance. */
public enum PaymentMethod {
    QRIS, BALANCE
}
