package com.quickcart.order.broadcast;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.order.BroadcastContent;
import com.quickcart.common.events.order.BroadcastControl;
import com.quickcart.common.events.order.BroadcastRecipients;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.order.broadcast.Broadcasts.Broadcast;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Hands a confirmed broadcast to the notifier through the outbox, in the transaction that starts
 * it: its recipients in chunks of {@value #CHUNK} chat ids on broadcast.commands, never one record
 * per recipient on telegram.outbound, where live replies would queue behind them.
 */
@Component
public class BroadcastPublisher {

    static final int CHUNK = 500;

    private final Outbox outbox;
    private final EventCodec codec;

    public BroadcastPublisher(Outbox outbox, EventCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    public void publish(Broadcast broadcast, List<Long> recipients) {
        BroadcastContent content = new BroadcastContent(broadcast.text(), broadcast.photoFileId(), broadcast.buttonLabel(),
                broadcast.buttonUrl());
        int chunks = (recipients.size() + CHUNK - 1) / CHUNK;
        for (int chunk = 0; chunk < chunks; chunk++) {
            List<Long> chatIds = recipients.subList(chunk * CHUNK, Math.min(recipients.size(), (chunk + 1) * CHUNK));
            outbox.append(Topics.BROADCAST_COMMANDS, codec.wrap(Long.toString(broadcast.id()),
                    new BroadcastRecipients(broadcast.id(), chunk, chunks, recipients.size(), content, List.copyOf(chatIds))));
        }
    }

    public void control(long broadcastId, BroadcastControl.Action action) {
        outbox.append(Topics.BROADCAST_COMMANDS, codec.wrap(Long.toString(broadcastId), new BroadcastControl(broadcastId, action)));
    }
}
