package com.quickcart.order.bot;

/**
 * A part of the storefront that answers some buttons, commands, menu labels and awaited inputs.
 * Each feature declares them once in {@link #routes}; the dispatcher finds the handler by the
 * button's type or the session's awaited input, so a new screen touches only its own feature.
 */
public interface Feature {

    void routes(Routes routes);
}
