package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

/**
 * Command on payment.commands, keyed by user id: an operator credits ({@code delta > 0}) or
 * debits ({@code delta < 0}) a customer's balance for {@code reason}. {@code adjustmentId} makes
 * it happen once however often it is delivered; a debit never takes the balance below zero.
 */
@EventContract(type = "BalanceAdjustmentRequested")
public record BalanceAdjustmentRequested(String adjustmentId, long userId, long delta, String reason, long operatorId) {
}
