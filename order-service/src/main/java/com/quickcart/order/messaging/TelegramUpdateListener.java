package com.quickcart.order.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.telegram.TelegramUpdateReceived;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.common.goods.GoodsOpener;
import com.quickcart.common.goods.UpdateText;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.PermanentFailure;
import com.quickcart.common.messaging.EventRouter;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.order.bot.UpdateDispatcher;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The only consumer of telegram.updates: keyed by chat, so one user's taps are handled in order.
 * The text ingress sealed is opened here, before anything reads the update (docs/adr/0022).
 */
@Component
public class TelegramUpdateListener {

    private final EventRouter router;

    public TelegramUpdateListener(Inbox inbox, EventCodec codec, UpdateDispatcher dispatcher,
                                  @Qualifier("updateTransitOpener") GoodsOpener opener) {
        this.router = EventRouter.consumer("telegram-updates", codec, inbox)
                .onWithEventId(TelegramUpdateReceived.class, (eventId, update) -> dispatcher.dispatch(open(update, eventId, opener)));
    }

    /** A seal that does not open will not open on a retry either: the update is dead-lettered as it came. */
    private static JsonNode open(TelegramUpdateReceived received, UUID eventId, GoodsOpener opener) {
        if (!(received.update() instanceof ObjectNode update)) {
            return received.update();
        }
        try {
            UpdateText.open(update, opener, eventId);
            return update;
        } catch (GoodsOpener.Refused e) {
            throw new PermanentFailure("update " + received.updateId() + " not opened: " + e.getMessage()
                    + " (UPDATE_TRANSIT_PRIVATE_KEY, UPDATE_TRANSIT_PREVIOUS_PRIVATE_KEYS)", e);
        }
    }

    @KafkaListener(id = "order-telegram-updates", topics = Topics.TELEGRAM_UPDATES, groupId = "order-service")
    void on(EventEnvelope envelope) {
        router.route(envelope);
    }
}
