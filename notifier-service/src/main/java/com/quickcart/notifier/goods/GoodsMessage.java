package com.quickcart.notifier.goods;

import com.quickcart.common.events.telegram.GoodsDelivery;
import com.quickcart.common.goods.GoodsOpener;
import com.quickcart.common.messaging.PermanentFailure;
import com.quickcart.notifier.outbound.BotApiSender;
import com.quickcart.notifier.outbound.OutboundLog;
import com.quickcart.notifier.outbound.SendOutcome;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.InputFile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Hands the goods to the buyer: in the message when they fit comfortably, else as a .txt file
 * (Telegram cuts messages at 4096 characters), under the heading order-service wrote. The goods
 * arrive sealed for the notifier and are opened here, for the call that hands them over, and
 * nowhere else; they are never logged, never stored, and a send that fails for good
 * dead-letters the sealed command, not the goods.
 */
@Component
public class GoodsMessage {

    /** Room left in a message for the goods after the heading. */
    static final int MAX_INLINE_CHARS = 3500;

    private final BotApiSender sender;
    private final OutboundLog outboundLog;
    private final GoodsOpener opener;

    public GoodsMessage(BotApiSender sender, OutboundLog outboundLog, GoodsOpener opener) {
        this.sender = sender;
        this.outboundLog = outboundLog;
        this.opener = opener;
    }

    public void send(UUID eventId, GoodsDelivery delivered) {
        List<String> items = open(delivered);
        String heading = delivered.heading();
        String body = String.join("\n", items);
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
                    .caption(heading + "\n\n" + delivered.fileCaption())
                    .build());
        }
        outboundLog.record(eventId, delivered.chatId(), method, outcome);
    }

    /**
     * A seal that cannot be opened will not open on a retry either: the command is dead-lettered
     * as it came (sealed) and can be replayed once the key is fixed. The seal is bound to the
     * delivery event it was made for, which the command names.
     */
    private List<String> open(GoodsDelivery delivered) {
        try {
            return opener.open(delivered.goods(), delivered.orderId(), delivered.sealedFor());
        } catch (GoodsOpener.Refused e) {
            throw new PermanentFailure("goods of order " + delivered.orderId() + " not opened: " + e.getMessage()
                    + " (GOODS_TRANSIT_PRIVATE_KEY, GOODS_TRANSIT_PREVIOUS_PRIVATE_KEYS)", e);
        }
    }
}
