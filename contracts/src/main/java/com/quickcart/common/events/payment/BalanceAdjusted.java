package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

/** The adjustment is in the ledger ({@code ADJUSTMENT} entry, reference = adjustment id). */
@EventContract(type = "BalanceAdjusted")
public record BalanceAdjusted(String adjustmentId, long userId, long delta, long balance, String reason, long operatorId) {
}
