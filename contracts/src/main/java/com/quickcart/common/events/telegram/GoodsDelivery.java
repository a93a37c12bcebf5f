package com.quickcart.common.events.telegram;

import com.quickcart.common.events.EventContract;
import com.quickcart.common.events.delivery.SealedGoods;

import java.util.UUID;

/**
 * A command for the notifier (on telegram.outbound, keyed by chat): send a customer their goods.
 * order-service writes the words ({@code heading} above the items; {@code fileCaption} when there
 * are too many for one message and they go as a text file) and names the chat; the goods are
 * delivery-service's seal passed on unopened, bound to {@code orderId} and {@code sealedFor}, the
 * id of the {@code ItemsDelivered} event they were sealed for (docs/adr/0013). Only the notifier
 * can open them.
 */
@EventContract(type = "GoodsDelivery")
public record GoodsDelivery(long chatId, String orderId, UUID sealedFor, String heading, String fileCaption, int itemCount,
                            SealedGoods goods) {

    @Override
    public String toString() {
        return "GoodsDelivery[chatId=" + chatId + ", orderId=" + orderId + ", items=" + itemCount + " sealed]";
    }
}
