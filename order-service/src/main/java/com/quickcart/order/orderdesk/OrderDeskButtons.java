package com.quickcart.order.orderdesk;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/**
 * The operator's view of one order and what can be done from it. Each carries the order id, so a
 * button tapped a week later acts on that order as it is then; the refund button made from an
 * estimate carries the usage, never an amount, and the amount is worked out again at the tap.
 */
public final class OrderDeskButtons {

    @ButtonData("od")
    public record FindOrder() implements Button {
    }

    @ButtonData("od:{orderId}")
    public record OrderCard(String orderId) implements Button {
    }

    @ButtonData("od:rs:{orderId}")
    public record ResendOrderGoods(String orderId) implements Button {
    }

    @ButtonData("od:cx:{orderId}")
    public record CancelUnpaid(String orderId) implements Button {
    }

    @ButtonData("od:rf:{orderId}")
    public record AskRefund(String orderId) implements Button {
    }

    @ButtonData("od:est:{orderId}")
    public record AskEstimate(String orderId) implements Button {
    }

    @ButtonData("od:rfe:{orderId}:{daysUsed}:{claims}")
    public record RefundEstimate(String orderId, int daysUsed, int claims) implements Button {
    }

    private OrderDeskButtons() {
    }
}
