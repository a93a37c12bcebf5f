package com.quickcart.delivery.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * delivery-service's consumer group on its inputs. Reservation and hand-over come with the
 * checkout saga (issue 4); unknown types are skipped by design.
 */
@Component
public class DeliveryInputsListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryInputsListener.class);

    @KafkaListener(id = "delivery-inputs", groupId = "delivery-service",
            topics = {Topics.ORDER_EVENTS, Topics.DELIVERY_COMMANDS})
    void on(EventEnvelope envelope) {
        log.debug("skipping event type={} event_id={}", envelope.type(), envelope.eventId());
    }
}
