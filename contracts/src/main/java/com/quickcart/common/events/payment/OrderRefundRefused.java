package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

/**
 * Nothing was written: the order was never paid ({@code NOT_PAID}), was refunded already
 * ({@code ALREADY_REFUNDED}, {@code refunded} says how much), or the amount is not between 1 and
 * what was paid ({@code ABOVE_PAID}, {@code paid} says the most that can go back).
 */
@EventContract(type = "OrderRefundRefused")
public record OrderRefundRefused(String orderId, long amount, long paid, long refunded, String reason, long operatorId) {
    public static final String NOT_PAID = "NOT_PAID";
    public static final String ALREADY_REFUNDED = "ALREADY_REFUNDED";
    public static final String ABOVE_PAID = "ABOVE_PAID";
}
