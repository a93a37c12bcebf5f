package com.quickcart.notifier.outbound;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.telegram.BotApiCall;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.inbox.Inbox;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One outbound command, at most once per event id as far as a crash allows: the Bot API call runs
 * outside any transaction (it may wait out a 429 or a slow Telegram), then the inbox mark and the
 * log rows commit together. See docs/adr/0016-no-remote-call-inside-a-transaction.md.
 */
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
            inbox.handleOnceCallingOut("telegram-outbound", envelope, e -> send(call),
                    (e, calls) -> calls.forEach(made -> outboundLog.record(e.eventId(), call.chatId(), made.method(), made.outcome())));
        }
    }

    private List<MadeCall> send(BotApiCall call) {
        List<MadeCall> made = new ArrayList<>(2);
        for (PartialBotApiMethod<?> part : TelegramLimits.fit(BotMethodCatalog.decode(call.method(), call.body()))) {
            // A file is a stream, read once: every try of a document builds it anew.
            Supplier<PartialBotApiMethod<?>> build = part instanceof SendDocument ? () -> BotMethodCatalog.decode(call.method(), call.body()) : () -> part;
            SendOutcome outcome = sender.send(call.chatId(), call.method(), call.lane(), build);
            made.add(new MadeCall(call.method(), outcome));
            if (outcome.status() == SendOutcome.Status.NOT_A_TEXT_MESSAGE && part instanceof EditMessageText edit) {
                BotApiMethod<?> answer = TextEditOnPhoto.answer(edit);
                made.add(new MadeCall(answer.getMethod(), sender.send(call.chatId(), answer.getMethod(), call.lane(), () -> answer)));
            }
        }
        return made;
    }

    private record MadeCall(String method, SendOutcome outcome) {
    }
}
