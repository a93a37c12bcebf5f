package com.quickcart.order.deposit;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** Topping up the balance: the preset amounts, or a custom one typed next. */
public final class DepositButtons {

    @ButtonData("dep")
    public record DepositMenu() implements Button {
    }

    @ButtonData("dep:c")
    public record CustomAmount() implements Button {
    }

    @ButtonData("dep:{amount}")
    public record PresetAmount(long amount) implements Button {
    }

    private DepositButtons() {
    }
}
