package com.quickcart.notifier.outbound;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.telegram.BotApiCall;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.inbox.Inbox;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/** One outbound command, at most once per event id: inbox mark, Bot API call and log row commit together. */
@Service
public class OutboundDelivery {

    private final Inbox inbox;
    private final EventCodec codec;
    private final BotApiSender sender;
    private final OutboundLog outboundLog;

    public OutboundDelivery(Inbox inbox, EventCodec codec, BotApiSender sender, OutboundLog outboundLog) {
        this.inbox = inbox;
        this.codec = codec;
        this.sender = sender;
        this.outboundLog = outboundLog;
    }

    public void deliver(EventEnvelope envelope) {
        BotApiCall call = codec.unwrap(envelope, BotApiCall.class);
        try (var ignored = MDC.putCloseable("chat_id", Long.toString(call.chatId()))) {
            inbox.handleOnce("telegram-outbound", envelope, e -> {
                SendOutcome outcome = sender.send(call);
                outboundLog.record(e.eventId(), call.chatId(), call.method(), outcome);
            });
        }
    }
}
