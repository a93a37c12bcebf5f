package com.quickcart.order.bot.button;

/**
 * A kind of inline button: a record that carries everything its handler needs, so a button
 * tapped a week later still does the right thing. Each record names its wire form with
 * {@link ButtonData}; {@link ButtonCodec} turns it into Telegram's callback data and back.
 */
public interface Button {

    /**
     * Whether tapping keeps the input the session awaits. Most buttons leave a half-typed flow
     * (that is what makes navigation free); Skip answers the awaited question, and a label
     * that does nothing must not abandon it either.
     */
    default boolean keepsAwaitedInput() {
        return false;
    }
}
