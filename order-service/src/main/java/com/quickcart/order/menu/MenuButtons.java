package com.quickcart.order.menu;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** The buttons every screen may carry: back to the main menu, help, and a label that does nothing. */
public final class MenuButtons {

    @ButtonData("m")
    public record MainMenu() implements Button {
    }

    @ButtonData("help")
    public record Help() implements Button {
    }

    private MenuButtons() {
    }
}
