package com.quickcart.order.checkout;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.telegram.GoodsDelivery;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.checkout.Orders.Order;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.UUID;

/**
 * Hands a customer their goods: order-service writes the words and names the chat, and passes
 * delivery-service's seal on unopened (it holds no key that opens it) to the notifier, which alone
 * can. The seal is bound to the delivery event it was made for, so the command names that event.
 */
@Component
public class GoodsNotice {

    private final Outbox outbox;
    private final EventCodec codec;
    private final Texts texts;

    public GoodsNotice(Outbox outbox, EventCodec codec, Texts texts) {
        this.outbox = outbox;
        this.codec = codec;
        this.texts = texts;
    }

    public void send(Order order, UUID deliveryEventId, ItemsDelivered delivered) {
        Locale locale = Locale.forLanguageTag(order.language() == null ? "id" : order.language());
        String heading = texts.get(locale, delivered.resend() ? "goods.resend" : "goods.heading", order.id(), delivered.productName(),
                delivered.itemCount());
        GoodsDelivery command = new GoodsDelivery(order.chatId(), order.id(), deliveryEventId, heading, texts.get(locale, "goods.file"),
                delivered.itemCount(), delivered.goods());
        outbox.append(Topics.TELEGRAM_OUTBOUND, codec.wrap(Long.toString(order.chatId()), command));
    }
}
