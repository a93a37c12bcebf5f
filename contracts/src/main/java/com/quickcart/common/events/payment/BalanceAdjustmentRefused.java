package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

/** Nothing was written: a debit larger than the balance ({@code INSUFFICIENT_BALANCE}). */
@EventContract(type = "BalanceAdjustmentRefused")
public record BalanceAdjustmentRefused(String adjustmentId, long userId, long delta, long balance, long operatorId, String reason) {
    public static final String INSUFFICIENT_BALANCE = "INSUFFICIENT_BALANCE";
}
