package com.quickcart.payment.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * payment-service's consumer group on its three inputs. The checkout saga (issue 4) adds the
 * handlers; until then every type is one this service does not know, which consumers skip by
 * design (a newer producer must never stall an older consumer).
 */
@Component
public class PaymentInputsListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentInputsListener.class);

    @KafkaListener(id = "payment-inputs", groupId = "payment-service",
            topics = {Topics.PAYMENT_COMMANDS, Topics.PAKASIR_CALLBACKS, Topics.ORDER_EVENTS})
    void on(EventEnvelope envelope) {
        log.debug("skipping event type={} event_id={}", envelope.type(), envelope.eventId());
    }
}
