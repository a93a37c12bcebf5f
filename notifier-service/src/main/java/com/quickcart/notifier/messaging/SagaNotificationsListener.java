package com.quickcart.notifier.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.payment.PaymentPending;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.notifier.goods.GoodsMessage;
import com.quickcart.notifier.qris.QrisNotice;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The two saga events only the notifier can turn into messages: a QR image, and the goods. */
@Component
public class SagaNotificationsListener {

    private final Inbox inbox;
    private final EventCodec codec;
    private final QrisNotice qris;
    private final GoodsMessage goods;

    public SagaNotificationsListener(Inbox inbox, EventCodec codec, QrisNotice qris, GoodsMessage goods) {
        this.inbox = inbox;
        this.codec = codec;
        this.qris = qris;
        this.goods = goods;
    }

    @KafkaListener(id = "notifier-saga", groupId = "notifier-service", topics = {Topics.PAYMENT_EVENTS, Topics.DELIVERY_EVENTS})
    void on(EventEnvelope envelope) {
        try (var ignored = MDC.putCloseable("order_id", envelope.key())) {
            if (envelope.is(PaymentPending.class)) {
                inbox.handleOnce("notifier-saga", envelope, e -> qris.send(e.eventId(), codec.unwrap(e, PaymentPending.class)));
            } else if (envelope.is(ItemsDelivered.class)) {
                inbox.handleOnce("notifier-saga", envelope, e -> goods.send(e.eventId(), codec.unwrap(e, ItemsDelivered.class)));
            }
        }
    }
}
