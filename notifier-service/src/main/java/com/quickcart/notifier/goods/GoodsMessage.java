package com.quickcart.notifier.goods;

import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.notifier.outbound.BotApiSender;
import com.quickcart.notifier.outbound.OutboundLog;
import com.quickcart.notifier.outbound.SendOutcome;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.InputFile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Hands the goods to the buyer: in the message when they fit comfortably, else as a .txt file
 * (Telegram cuts messages at 4096 characters). The goods are never logged.
 */
@Component
public class GoodsMessage {

    /** Room left in a message for the goods after the heading. */
    static final int MAX_INLINE_CHARS = 3500;

    private final BotApiSender sender;
    private final OutboundLog outboundLog;
    private final MessageSource messages;

    public GoodsMessage(BotApiSender sender, OutboundLog outboundLog, MessageSource messages) {
        this.sender = sender;
        this.outboundLog = outboundLog;
        this.messages = messages;
    }

    public void send(UUID eventId, ItemsDelivered delivered) {
        Locale locale = Locale.forLanguageTag(delivered.language());
        String heading = messages.getMessage(delivered.resend() ? "goods.resend" : "goods.heading",
                new Object[]{delivered.orderId(), delivered.productName(), delivered.items().size()}, locale);
        String body = String.join("\n", delivered.items());
        SendOutcome outcome;
        String method;
        if (body.length() <= MAX_INLINE_CHARS) {
            method = "sendMessage";
            outcome = sender.send(delivered.chatId(), method, () -> SendMessage.builder().chatId(delivered.chatId())
                    .text(heading + "\n\n" + body).build());
        } else {
            method = "sendDocument";
            byte[] file = (heading + "\n\n" + body + "\n").getBytes(StandardCharsets.UTF_8);
            outcome = sender.send(delivered.chatId(), method, () -> SendDocument.builder().chatId(delivered.chatId())
                    .document(new InputFile(new ByteArrayInputStream(file), delivered.orderId() + ".txt"))
                    .caption(heading + "\n\n" + messages.getMessage("goods.file", null, locale))
                    .build());
        }
        outboundLog.record(eventId, delivered.chatId(), method, outcome);
    }
}
