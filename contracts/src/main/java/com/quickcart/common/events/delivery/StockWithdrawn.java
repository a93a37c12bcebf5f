package com.quickcart.common.events.delivery;

import com.quickcart.common.events.EventContract;

/** The answer to {@link WithdrawStock} (keyed by product id), in counts: asked, taken off sale, available before and after. */
@EventContract(type = "StockWithdrawn")
public record StockWithdrawn(String requestId, long productId, int requested, int withdrawn, int availableBefore,
                             int availableAfter, long operatorId) {
}
