package com.quickcart.notifier.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.payment.PaymentPending;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.EventRouter;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.notifier.goods.GoodsMessage;
import com.quickcart.common.messaging.lanes.KeyedLanes;
import com.quickcart.notifier.qris.QrisNotice;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * The two saga events only the notifier can turn into messages: a QR image, and the goods. Each
 * order's lane sends them; the Bot API call runs outside any transaction and the inbox mark
 * commits after it (docs/adr/0016-no-remote-call-inside-a-transaction.md).
 */
@Component
public class SagaNotificationsListener implements ConsumerSeekAware {

    static final String ID = "notifier-saga";

    private final EventRouter router;
    private final KeyedLanes lanes;

    public SagaNotificationsListener(Inbox inbox, EventCodec codec, QrisNotice qris, GoodsMessage goods, KeyedLanes lanes) {
        this.router = EventRouter.consumer("notifier-saga", codec, inbox)
                .onCallingOut(PaymentPending.class, qris::send)
                .onCallingOut(ItemsDelivered.class, goods::send);
        this.lanes = lanes;
    }

    @KafkaListener(id = ID, groupId = "notifier-service", topics = {Topics.PAYMENT_EVENTS, Topics.DELIVERY_EVENTS},
            containerFactory = KeyedLanes.LISTENER_FACTORY)
    void on(ConsumerRecord<String, EventEnvelope> record, Acknowledgment ack) {
        lanes.submit(ID, record, ack, () -> handle(record.value()));
    }

    private void handle(EventEnvelope envelope) {
        try (var ignored = MDC.putCloseable("order_id", envelope.key())) {
            router.route(envelope);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        lanes.forget(partitions);
    }
}
