package com.quickcart.common.events;

import java.util.List;

/** Every topic of the cluster, in one place. Each has a dead-letter twin named {@code <topic>.dlt}. */
public final class Topics {

    /** Raw Telegram updates, keyed by chat id. */
    public static final String TELEGRAM_UPDATES = "telegram.updates";
    /** Bot API calls for the notifier, keyed by chat id. */
    public static final String TELEGRAM_OUTBOUND = "telegram.outbound";
    /** Pakasir webhook bodies, keyed by order id. */
    public static final String PAKASIR_CALLBACKS = "pakasir.callbacks";
    public static final String ORDER_EVENTS = "order.events";
    public static final String PAYMENT_COMMANDS = "payment.commands";
    public static final String PAYMENT_EVENTS = "payment.events";
    public static final String DELIVERY_COMMANDS = "delivery.commands";
    public static final String DELIVERY_EVENTS = "delivery.events";
    /** A broadcast's recipients in chunks, and the operator's pause/resume/cancel, keyed by broadcast id. */
    public static final String BROADCAST_COMMANDS = "broadcast.commands";
    /** A broadcast's progress and outcome (keyed by broadcast id), and chats Telegram says are unreachable (keyed by chat id). */
    public static final String BROADCAST_EVENTS = "broadcast.events";

    public static final List<String> ALL = List.of(TELEGRAM_UPDATES, TELEGRAM_OUTBOUND, PAKASIR_CALLBACKS,
            ORDER_EVENTS, PAYMENT_COMMANDS, PAYMENT_EVENTS, DELIVERY_COMMANDS, DELIVERY_EVENTS, BROADCAST_COMMANDS, BROADCAST_EVENTS);

    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }

    private Topics() {
    }
}
