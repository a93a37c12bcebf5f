package com.quickcart.order.support;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** Talking to the store: a customer opens a message to the admins, an admin answers a thread. */
public final class SupportButtons {

    @ButtonData("contact")
    public record ContactAdmin() implements Button {
    }

    /** On a message forwarded to an admin; the thread is read from here, never from the text. */
    @ButtonData("sr:{thread}")
    public record ReplyToThread(long thread) implements Button {
    }

    private SupportButtons() {
    }
}
