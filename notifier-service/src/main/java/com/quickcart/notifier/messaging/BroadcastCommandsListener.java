package com.quickcart.notifier.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.order.BroadcastControl;
import com.quickcart.common.events.order.BroadcastRecipients;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.EventRouter;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.notifier.broadcast.Broadcasts;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A broadcast's recipients, stored once per chunk, and the operator's pause, resume and cancel.
 * Nothing is sent from here: the broadcast sender picks the stored recipients up, so this topic
 * never waits on Telegram and never shares a partition with live replies.
 */
@Component
public class BroadcastCommandsListener {

    private final EventRouter router;

    public BroadcastCommandsListener(EventCodec codec, Inbox inbox, Broadcasts broadcasts) {
        this.router = EventRouter.consumer("notifier-broadcast", codec, inbox)
                .on(BroadcastRecipients.class, broadcasts::store)
                .on(BroadcastControl.class, broadcasts::control);
    }

    @KafkaListener(id = "notifier-broadcast", topics = Topics.BROADCAST_COMMANDS, groupId = "notifier-service")
    void on(EventEnvelope envelope) {
        router.route(envelope);
    }
}
