package com.quickcart.order.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.telegram.TelegramUpdateReceived;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.order.bot.UpdateDispatcher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The only consumer of telegram.updates: keyed by chat, so one user's taps are handled in order. */
@Component
public class TelegramUpdateListener {

    private final Inbox inbox;
    private final EventCodec codec;
    private final UpdateDispatcher dispatcher;

    public TelegramUpdateListener(Inbox inbox, EventCodec codec, UpdateDispatcher dispatcher) {
        this.inbox = inbox;
        this.codec = codec;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = "order-telegram-updates", topics = Topics.TELEGRAM_UPDATES, groupId = "order-service")
    void on(EventEnvelope envelope) {
        if (!envelope.is(TelegramUpdateReceived.class)) {
            return;
        }
        inbox.handleOnce("telegram-updates", envelope,
                e -> dispatcher.dispatch(codec.unwrap(e, TelegramUpdateReceived.class).update()));
    }
}
