package com.quickcart.common.messaging;

import com.quickcart.common.events.Contracts;
import com.quickcart.common.events.EventContract;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.messaging.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A listener's table from event type to handler. Each handled event runs once (inbox) in one
 * transaction with everything the handler writes, outbox rows included; types the table does
 * not name are skipped, so a newer producer never stalls an older consumer.
 *
 * <pre>{@code
 * router = EventRouter.consumer("order-saga", codec, inbox)
 *         .on(StockReserved.class, saga::stockReserved)
 *         .on(PaymentSucceeded.class, saga::paymentSucceeded);
 * }</pre>
 */
public final class EventRouter {

    private static final Logger log = LoggerFactory.getLogger(EventRouter.class);

    private final String consumer;
    private final EventCodec codec;
    private final Inbox inbox;
    private final Map<String, Consumer<EventEnvelope>> routes = new HashMap<>();

    private EventRouter(String consumer, EventCodec codec, Inbox inbox) {
        this.consumer = consumer;
        this.codec = codec;
        this.inbox = inbox;
    }

    public static EventRouter consumer(String consumer, EventCodec codec, Inbox inbox) {
        return new EventRouter(consumer, codec, inbox);
    }

    public <T> EventRouter on(Class<T> contract, Consumer<T> handler) {
        EventContract meta = Contracts.of(contract);
        routes.put(meta.type() + "@" + meta.version(), envelope -> handler.accept(codec.unwrap(envelope, contract)));
        return this;
    }

    /**
     * For a handler that needs the event's id as well, e.g. to open what was sealed for this very
     * event (docs/adr/0013, 0022).
     */
    public <T> EventRouter onWithEventId(Class<T> contract, java.util.function.BiConsumer<java.util.UUID, T> handler) {
        EventContract meta = Contracts.of(contract);
        routes.put(meta.type() + "@" + meta.version(), envelope -> handler.accept(envelope.eventId(), codec.unwrap(envelope, contract)));
        return this;
    }

    /** Handles the envelope if its type is in the table; returns whether it ran now (false: unknown or a redelivery). */
    public boolean route(EventEnvelope envelope) {
        Consumer<EventEnvelope> handler = routes.get(envelope.type() + "@" + envelope.version());
        if (handler == null) {
            log.debug("{} skips event type={} version={}", consumer, envelope.type(), envelope.version());
            return false;
        }
        return inbox.handleOnce(consumer, envelope, handler);
    }
}
