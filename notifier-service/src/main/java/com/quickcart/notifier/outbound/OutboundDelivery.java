package com.quickcart.notifier.outbound;

import com.quickcart.common.events.telegram.BotApiCall;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.UUID;

/**
 * One outbound command, at most once per event id as far as a crash allows: the Bot API call runs
 * outside any transaction (it may wait out a 429 or a slow Telegram), then the inbox mark and the
 * log rows commit together (the listener's {@code EventRouter.onCallingOut} runs {@link #send} and then
 * {@link #record}). See docs/adr/0016-no-remote-call-inside-a-transaction.md.
 */
@Service
public class OutboundDelivery {

    private final BotApiSender sender;
    private final OutboundLog outboundLog;

    public OutboundDelivery(BotApiSender sender, OutboundLog outboundLog) {
        this.sender = sender;
        this.outboundLog = outboundLog;
    }

    /** Makes the call (and the fallback an edit of a photo needs); outside any transaction. */
    public List<MadeCall> send(UUID eventId, BotApiCall call) {
        try (var ignored = MDC.putCloseable("chat_id", Long.toString(call.chatId()))) {
            return send(call);
        }
    }

    /** Logs what was sent, in the transaction that marks the command handled. */
    public void record(UUID eventId, BotApiCall call, List<MadeCall> calls) {
        calls.forEach(made -> outboundLog.record(eventId, call.chatId(), made.method(), made.outcome()));
    }

    private List<MadeCall> send(BotApiCall call) {
        List<MadeCall> made = new ArrayList<>(2);
        List<PartialBotApiMethod<?>> parts = TelegramLimits.fit(BotMethodCatalog.decode(call.method(), call.body()));
        for (int i = 0; i < parts.size(); i++) {
            PartialBotApiMethod<?> part = parts.get(i);
            int index = i;
            // A file (a document, a QR photo) is a stream, read once: every try builds it anew, or a
            // retry after a 429 or a 5xx would upload an empty file that Telegram refuses for good.
            Supplier<PartialBotApiMethod<?>> build = part instanceof SendDocument || part instanceof SendPhoto
                    ? () -> TelegramLimits.fit(BotMethodCatalog.decode(call.method(), call.body())).get(index) : () -> part;
            SendOutcome outcome = sender.send(call.chatId(), call.method(), call.lane(), build);
            made.add(new MadeCall(call.method(), outcome));
            if (outcome.status() == SendOutcome.Status.NOT_A_TEXT_MESSAGE && part instanceof EditMessageText edit) {
                BotApiMethod<?> answer = TextEditOnPhoto.answer(edit);
                made.add(new MadeCall(answer.getMethod(), sender.send(call.chatId(), answer.getMethod(), call.lane(), () -> answer)));
            }
        }
        return made;
    }

    /** One Bot API method sent for a command and what Telegram answered. */
    public record MadeCall(String method, SendOutcome outcome) {
    }
}
