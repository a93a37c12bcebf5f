package com.quickcart.common.messaging;

import com.quickcart.common.events.Contracts;
import com.quickcart.common.events.EventContract;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.messaging.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
 *
 * A handler that calls a remote side (the notifier's sends to Telegram) registers with
 * {@code onCallingOut}: its call runs outside any transaction and the inbox mark commits after it
 * ({@link Inbox#handleOnceCallingOut}, docs/adr/0016).
 */
public final class EventRouter {

    private static final Logger log = LoggerFactory.getLogger(EventRouter.class);

    private final String consumer;
    private final EventCodec codec;
    private final Inbox inbox;
    private final Map<String, Predicate<EventEnvelope>> routes = new HashMap<>();

    private EventRouter(String consumer, EventCodec codec, Inbox inbox) {
        this.consumer = consumer;
        this.codec = codec;
        this.inbox = inbox;
    }

    public static EventRouter consumer(String consumer, EventCodec codec, Inbox inbox) {
        return new EventRouter(consumer, codec, inbox);
    }

    public <T> EventRouter on(Class<T> contract, Consumer<T> handler) {
        return route(contract, envelope -> inbox.handleOnce(consumer, envelope, e -> handler.accept(codec.unwrap(e, contract))));
    }

    /**
     * For a handler that is a remote call and records its own outcome: {@code call} gets the event
     * id (to make the call idempotent where the remote side allows) and the event, outside any
     * transaction; the inbox mark commits after it returns.
     */
    public <T> EventRouter onCallingOut(Class<T> contract, BiConsumer<UUID, T> call) {
        return route(contract, envelope -> inbox.handleOnceCallingOut(consumer, envelope,
                e -> call.accept(e.eventId(), codec.unwrap(e, contract))));
    }

    /**
     * For a remote call whose outcome is written with the inbox mark: {@code call} runs outside any
     * transaction, then {@code outcome} records what it returned in the mark's transaction.
     */
    public <T, R> EventRouter onCallingOut(Class<T> contract, BiFunction<UUID, T, R> call, Outcome<T, R> outcome) {
        return route(contract, envelope -> {
            T event = codec.unwrap(envelope, contract);
            return inbox.handleOnceCallingOut(consumer, envelope, e -> call.apply(e.eventId(), event),
                    (e, result) -> outcome.record(e.eventId(), event, result));
        });
    }

    /** Writes what a remote call returned, in the transaction that marks its event handled. */
    @FunctionalInterface
    public interface Outcome<T, R> {
        void record(UUID eventId, T event, R result);
    }

    private EventRouter route(Class<?> contract, Predicate<EventEnvelope> handleOnce) {
        EventContract meta = Contracts.of(contract);
        routes.put(meta.type() + "@" + meta.version(), handleOnce);
        return this;
    }

    /**
     * For a handler that needs the event's id as well, e.g. to open what was sealed for this very
     * event (docs/adr/0013, 0022).
     */
    public <T> EventRouter onWithEventId(Class<T> contract, BiConsumer<UUID, T> handler) {
        return route(contract, envelope -> inbox.handleOnce(consumer, envelope, e -> handler.accept(e.eventId(), codec.unwrap(e, contract))));
    }

    /** Handles the envelope if its type is in the table; returns whether it ran now (false: unknown or a redelivery). */
    public boolean route(EventEnvelope envelope) {
        Predicate<EventEnvelope> handleOnce = routes.get(envelope.type() + "@" + envelope.version());
        if (handleOnce == null) {
            log.debug("{} skips event type={} version={}", consumer, envelope.type(), envelope.version());
            return false;
        }
        return handleOnce.test(envelope);
    }
}
