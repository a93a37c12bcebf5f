package com.quickcart.notifier.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.order.StockDocumentSubmitted;
import com.quickcart.common.events.telegram.BotApiCall;
import com.quickcart.common.events.telegram.GoodsDelivery;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.EventRouter;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.notifier.goods.GoodsMessage;
import com.quickcart.notifier.outbound.OutboundDelivery;
import com.quickcart.common.messaging.lanes.KeyedLanes;
import com.quickcart.notifier.stock.StockDocumentFetcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * Commands on telegram.outbound, keyed by chat: each chat's lane sends them in order. Bot API
 * calls to send; a customer's goods, sealed, to open and hand over (docs/adr/0013); an operator's
 * document of goods to fetch (docs/adr/0022). The goods and the document run outside any
 * transaction and the inbox mark commits after them (docs/adr/0016).
 */
@Component
public class BotApiCallListener implements ConsumerSeekAware {

    static final String ID = "notifier-telegram-outbound";

    private final EventRouter router;
    private final KeyedLanes lanes;

    public BotApiCallListener(EventCodec codec, Inbox inbox, OutboundDelivery delivery, KeyedLanes lanes, StockDocumentFetcher documents,
                              GoodsMessage goods) {
        // The download runs outside any transaction; the sealed upload and the inbox mark commit together.
        this.router = EventRouter.consumer("telegram-outbound", codec, inbox)
                .onCallingOut(BotApiCall.class, delivery::send, delivery::record)
                .onCallingOut(GoodsDelivery.class, goods::send)
                .onCallingOut(StockDocumentSubmitted.class, (eventId, document) -> documents.fetch(document),
                        (eventId, document, fetched) -> documents.forward(fetched));
        this.lanes = lanes;
    }

    @KafkaListener(id = ID, topics = Topics.TELEGRAM_OUTBOUND, groupId = "notifier-service",
            containerFactory = KeyedLanes.LISTENER_FACTORY)
    void on(ConsumerRecord<String, EventEnvelope> record, Acknowledgment ack) {
        lanes.submit(ID, record, ack, () -> {
            try (var ignored = MDC.putCloseable("chat_id", record.key())) {
                router.route(record.value());
            }
        });
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        lanes.forget(partitions);
    }
}
