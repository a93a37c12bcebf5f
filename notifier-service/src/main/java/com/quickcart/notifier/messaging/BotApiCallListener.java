package com.quickcart.notifier.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.order.StockDocumentSubmitted;
import com.quickcart.common.events.telegram.BotApiCall;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.notifier.config.SendLaneConfiguration;
import com.quickcart.notifier.outbound.OutboundDelivery;
import com.quickcart.notifier.outbound.SendLanes;
import com.quickcart.notifier.stock.StockDocumentFetcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * Commands on telegram.outbound, keyed by chat: each chat's lane sends them in order. Besides Bot
 * API calls to send, an operator's document of goods to fetch (docs/adr/0022).
 */
@Component
public class BotApiCallListener implements ConsumerSeekAware {

    static final String ID = "notifier-telegram-outbound";

    private final OutboundDelivery delivery;
    private final SendLanes lanes;
    private final Inbox inbox;
    private final EventCodec codec;
    private final StockDocumentFetcher documents;

    public BotApiCallListener(OutboundDelivery delivery, SendLanes lanes, Inbox inbox, EventCodec codec, StockDocumentFetcher documents) {
        this.delivery = delivery;
        this.lanes = lanes;
        this.inbox = inbox;
        this.codec = codec;
        this.documents = documents;
    }

    @KafkaListener(id = ID, topics = Topics.TELEGRAM_OUTBOUND, groupId = "notifier-service",
            containerFactory = SendLaneConfiguration.FACTORY)
    void on(ConsumerRecord<String, EventEnvelope> record, Acknowledgment ack) {
        EventEnvelope envelope = record.value();
        lanes.submit(ID, record, ack, () -> {
            if (envelope.is(BotApiCall.class)) {
                delivery.deliver(envelope);
            } else if (envelope.is(StockDocumentSubmitted.class)) {
                // The download runs outside any transaction; the sealed upload and the inbox mark commit together.
                inbox.handleOnceCallingOut("notifier-stock", envelope,
                        e -> documents.fetch(codec.unwrap(e, StockDocumentSubmitted.class)), (e, fetched) -> documents.forward(fetched));
            }
        });
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        lanes.forget(partitions);
    }
}
