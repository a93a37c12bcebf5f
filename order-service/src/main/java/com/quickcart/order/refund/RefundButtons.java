package com.quickcart.order.refund;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** The customer's refund calculator: pick a paid order, see the estimate, send it to support. */
public final class RefundButtons {

    @ButtonData("rf")
    public record RefundOrders() implements Button {
    }

    @ButtonData("rf:{orderId}")
    public record EstimateFor(String orderId) implements Button {
    }

    @ButtonData("rf:send:{orderId}:{daysUsed}:{claims}")
    public record SendEstimate(String orderId, int daysUsed, int claims) implements Button {
    }

    private RefundButtons() {
    }
}
