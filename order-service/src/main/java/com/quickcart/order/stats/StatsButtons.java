package com.quickcart.order.stats;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** The figures for a period: 1, 7 or 30 days back from now. */
public final class StatsButtons {

    @ButtonData("st:{days}")
    public record Stats(int days) implements Button {
    }

    private StatsButtons() {
    }
}
