package com.quickcart.notifier.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.telegram.BotApiCall;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.EventRouter;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.notifier.outbound.OutboundDelivery;
import com.quickcart.common.messaging.lanes.KeyedLanes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.util.Collection;

/** Commands on telegram.outbound, keyed by chat: each chat's lane sends them in order. */
@Component
public class BotApiCallListener implements ConsumerSeekAware {

    static final String ID = "notifier-telegram-outbound";

    private final EventRouter router;
    private final KeyedLanes lanes;

    public BotApiCallListener(EventCodec codec, Inbox inbox, OutboundDelivery delivery, KeyedLanes lanes) {
        this.router = EventRouter.consumer("telegram-outbound", codec, inbox)
                .onCallingOut(BotApiCall.class, delivery::send, delivery::record);
        this.lanes = lanes;
    }

    @KafkaListener(id = ID, topics = Topics.TELEGRAM_OUTBOUND, groupId = "notifier-service",
            containerFactory = KeyedLanes.LISTENER_FACTORY)
    void on(ConsumerRecord<String, EventEnvelope> record, Acknowledgment ack) {
        lanes.submit(ID, record, ack, () -> router.route(record.value()));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        lanes.forget(partitions);
    }
}
