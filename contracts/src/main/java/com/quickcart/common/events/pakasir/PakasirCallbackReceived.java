package com.quickcart.common.events.pakasir;

import com.quickcart.common.events.EventContract;

/**
 * A Pakasir webhook body as received (not signed, so payment-service must confirm it with the
 * transaction-detail API before believing it).
 */
@EventContract(type = "PakasirCallbackReceived")
public record PakasirCallbackReceived(String orderId, long amount, String project, String status,
                                      String paymentMethod, String completedAt) {
}
