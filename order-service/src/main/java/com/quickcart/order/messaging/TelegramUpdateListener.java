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
import com.quickcart.common.messaging.lanes.KeyedLanes;
import com.quickcart.order.bot.UpdateDispatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.UUID;

/**
 * The only consumer of telegram.updates, keyed by chat: each chat's lane handles its updates in
 * order (one user's taps stay in sequence), while other chats' lanes run beside it
 * ({@link UpdateLaneConfiguration}). The text ingress sealed is opened here, before anything
 * reads the update (docs/adr/0022).
 */
@Component
public class TelegramUpdateListener implements ConsumerSeekAware {

    static final String ID = "order-telegram-updates";

    private final EventRouter router;
    private final KeyedLanes lanes;

    public TelegramUpdateListener(Inbox inbox, EventCodec codec, UpdateDispatcher dispatcher, KeyedLanes lanes,
                                  @Qualifier("updateTransitOpener") GoodsOpener opener) {
        this.lanes = lanes;
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

    @KafkaListener(id = ID, topics = Topics.TELEGRAM_UPDATES, groupId = "order-service", containerFactory = KeyedLanes.LISTENER_FACTORY)
    void on(ConsumerRecord<String, EventEnvelope> record, Acknowledgment ack) {
        lanes.submit(ID, record, ack, () -> router.route(record.value()));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        lanes.forget(partitions);
    }
}
