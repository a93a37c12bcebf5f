package com.quickcart.order.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.telegram.TelegramUpdateReceived;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.EventRouter;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.common.messaging.lanes.KeyedLanes;
import com.quickcart.order.bot.UpdateDispatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * The only consumer of telegram.updates, keyed by chat: each chat's lane handles its updates in
 * order (one user's taps stay in sequence), while other chats' lanes run beside it
 * ({@link UpdateLaneConfiguration}).
 */
@Component
public class TelegramUpdateListener implements ConsumerSeekAware {

    static final String ID = "order-telegram-updates";

    private final EventRouter router;
    private final KeyedLanes lanes;

    public TelegramUpdateListener(Inbox inbox, EventCodec codec, UpdateDispatcher dispatcher, KeyedLanes lanes) {
        this.lanes = lanes;
        this.router = EventRouter.consumer("telegram-updates", codec, inbox)
                .on(TelegramUpdateReceived.class, update -> dispatcher.dispatch(update.update()));
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
