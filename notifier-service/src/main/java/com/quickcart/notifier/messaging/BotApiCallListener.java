package com.quickcart.notifier.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.telegram.BotApiCall;
import com.quickcart.notifier.outbound.OutboundDelivery;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
public class BotApiCallListener {

    private final OutboundDelivery delivery;

    public BotApiCallListener(OutboundDelivery delivery) {
        this.delivery = delivery;
    }

    @KafkaListener(id = "notifier-telegram-outbound", topics = Topics.TELEGRAM_OUTBOUND, groupId = "notifier-service")
    void on(EventEnvelope envelope) {
        if (envelope.is(BotApiCall.class)) {
            delivery.deliver(envelope);
        }
    }
}
