package com.quickcart.order.bot.button;

/** A label in a keyboard (a page counter, a price note): tapping it only stops the spinner. */
@ButtonData("noop")
public record Noop() implements Button {

    @Override
    public boolean keepsAwaitedInput() {
        return true;
    }
}
