package com.quickcart.order.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.telegram.TelegramUpdateReceived;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.EventRouter;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.order.bot.UpdateDispatcher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The only consumer of telegram.updates: keyed by chat, so one user's taps are handled in order. */
@Component
public class TelegramUpdateListener {

    private final EventRouter router;

    public TelegramUpdateListener(Inbox inbox, EventCodec codec, UpdateDispatcher dispatcher) {
        this.router = EventRouter.consumer("telegram-updates", codec, inbox)
                .on(TelegramUpdateReceived.class, update -> dispatcher.dispatch(update.update()));
    }

    @KafkaListener(id = "order-telegram-updates", topics = Topics.TELEGRAM_UPDATES, groupId = "order-service")
    void on(EventEnvelope envelope) {
        router.route(envelope);
    }
}
