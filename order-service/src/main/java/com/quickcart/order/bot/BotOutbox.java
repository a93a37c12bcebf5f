package com.quickcart.order.bot;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.telegram.BotApiCall;
import com.quickcart.common.events.telegram.BotApiCall.Lane;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/**
 * Everything order-service says to a user leaves as a {@link BotApiCall} command through the
 * outbox, in the same transaction as the state change that caused it.
 */
@Component
public class BotOutbox {

    private final EventCodec codec;
    private final Outbox outbox;

    public BotOutbox(EventCodec codec, Outbox outbox) {
        this.codec = codec;
        this.outbox = outbox;
    }

    /** Stickers go by file id; the notifier builds the multipart call. */
    public void sendSticker(long chatId, String stickerFileId) {
        var body = EventCodec.mapper().createObjectNode().put("chat_id", chatId).put("sticker", stickerFileId);
        outbox.append(Topics.TELEGRAM_OUTBOUND, codec.wrap(Long.toString(chatId), new BotApiCall(chatId, "sendSticker", body)));
    }

    /**
     * A small text file (an operator's CSV export) sent as a document; the notifier builds the
     * multipart call. Only for the operator's own data: goods never travel this way.
     */
    public void sendDocument(long chatId, String fileName, String text, String caption) {
        var body = EventCodec.mapper().createObjectNode().put("chat_id", chatId).put("caption", caption);
        body.putObject("document").put("file_name", fileName).put("text", text);
        outbox.append(Topics.TELEGRAM_OUTBOUND, codec.wrap(Long.toString(chatId), new BotApiCall(chatId, "sendDocument", body)));
    }

    /**
     * A QRIS code as a photo: order-service writes the caption and buttons, the notifier draws
     * {@code qrString} into the image (a picture has no place in a Kafka record) and uploads it.
     * Live: the customer has just tapped Pay and is waiting for it.
     */
    public void sendQrCode(long chatId, String qrString, String fileName, Screen screen) {
        var body = EventCodec.mapper().createObjectNode().put("chat_id", chatId).put("caption", screen.text());
        body.putObject("photo").put("qr", qrString).put("file_name", fileName);
        if (screen.keyboard() != null) {
            body.set("reply_markup", EventCodec.mapper().valueToTree(screen.keyboard()));
        }
        outbox.append(Topics.TELEGRAM_OUTBOUND, codec.wrap(Long.toString(chatId), new BotApiCall(chatId, "sendPhoto", body)));
    }

    /** A reply to what the user just did: the notifier sends it at once (live lane). */
    public void send(long chatId, BotApiMethod<?> call) {
        send(chatId, call, Lane.LIVE);
    }

    /** {@code lane} BULK for what nobody is waiting for: the notifier paces it against the bot-wide budget. */
    public void send(long chatId, BotApiMethod<?> call, Lane lane) {
        BotApiCall command = new BotApiCall(chatId, call.getMethod(), EventCodec.mapper().valueToTree(call), lane);
        outbox.append(Topics.TELEGRAM_OUTBOUND, codec.wrap(Long.toString(chatId), command));
    }
}
