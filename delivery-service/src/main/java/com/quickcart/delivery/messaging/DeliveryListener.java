package com.quickcart.delivery.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ResendGoods;
import com.quickcart.common.events.delivery.StockUpload;
import com.quickcart.common.events.delivery.WithdrawStock;
import com.quickcart.common.events.order.OrderCancelled;
import com.quickcart.common.events.order.OrderPaid;
import com.quickcart.common.events.order.OrderPlaced;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.EventRouter;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.delivery.fulfilment.Fulfilment;
import com.quickcart.delivery.stock.StockIntake;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
public class DeliveryListener {

    private final EventRouter router;

    public DeliveryListener(EventCodec codec, Inbox inbox, Fulfilment fulfilment, StockIntake stock) {
        this.router = EventRouter.consumer("delivery", codec, inbox)
                .on(OrderPlaced.class, fulfilment::reserve)
                .on(OrderPaid.class, fulfilment::handOver)
                .on(OrderCancelled.class, fulfilment::release)
                .on(ResendGoods.class, fulfilment::resend)
                .onWithEventId(StockUpload.class, stock::receive)
                .on(WithdrawStock.class, stock::withdraw);
    }

    @KafkaListener(id = "delivery", groupId = "delivery-service", topics = {Topics.ORDER_EVENTS, Topics.DELIVERY_COMMANDS})
    void on(EventEnvelope envelope) {
        router.route(envelope);
    }
}
