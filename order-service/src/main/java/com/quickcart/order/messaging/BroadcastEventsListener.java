package com.quickcart.order.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.notifier.BroadcastProgressed;
import com.quickcart.common.events.notifier.ChatUnreachable;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.EventRouter;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.broadcast.BroadcastProgressView;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The notifier's word on broadcasts: progress for the operator's message, and chats that can no longer be reached. */
@Component
public class BroadcastEventsListener {

    private final EventRouter router;

    public BroadcastEventsListener(EventCodec codec, Inbox inbox, BroadcastProgressView progress, UserAccounts users) {
        this.router = EventRouter.consumer("order-broadcast", codec, inbox)
                .on(BroadcastProgressed.class, progress::progressed)
                .on(ChatUnreachable.class, unreachable -> users.markUnreachable(unreachable.chatId()));
    }

    @KafkaListener(id = "order-broadcast", topics = Topics.BROADCAST_EVENTS, groupId = "order-service")
    void on(EventEnvelope envelope) {
        router.route(envelope);
    }
}
