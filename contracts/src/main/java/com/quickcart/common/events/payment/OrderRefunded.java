package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

/**
 * The refund is in the ledger ({@code REFUND} entry, reference = order id): {@code amount} of the
 * {@code paid} rupiah went back to the customer, whose balance is now {@code balance}.
 */
@EventContract(type = "OrderRefunded")
public record OrderRefunded(String orderId, long userId, long amount, long paid, long balance, String reason, long operatorId) {
}
