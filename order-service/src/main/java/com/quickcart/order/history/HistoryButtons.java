package com.quickcart.order.history;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** The customer's orders and wallet transactions. */
public final class HistoryButtons {

    @ButtonData("ho:{page}")
    public record OrderHistory(int page) implements Button {
    }

    @ButtonData("o:{orderId}")
    public record OrderDetail(String orderId) implements Button {
    }

    @ButtonData("rs:{orderId}")
    public record Resend(String orderId) implements Button {
    }

    @ButtonData("ht:{page}")
    public record Transactions(int page) implements Button {
    }

    private HistoryButtons() {
    }
}
