package com.quickcart.order.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.delivery.StockLevelChanged;
import com.quickcart.common.events.delivery.StockRejected;
import com.quickcart.common.events.delivery.StockReserved;
import com.quickcart.common.events.delivery.StockUploaded;
import com.quickcart.common.events.delivery.StockWithdrawn;
import com.quickcart.common.events.payment.BalanceAdjusted;
import com.quickcart.common.events.payment.BalanceAdjustmentRefused;
import com.quickcart.common.events.payment.BalanceChanged;
import com.quickcart.common.events.payment.OrderRefundRefused;
import com.quickcart.common.events.payment.OrderRefunded;
import com.quickcart.common.events.payment.PaymentCancelled;
import com.quickcart.common.events.payment.PaymentExpired;
import com.quickcart.common.events.payment.PaymentFailed;
import com.quickcart.common.events.payment.PaymentPending;
import com.quickcart.common.events.payment.PaymentRefunded;
import com.quickcart.common.events.payment.PaymentSucceeded;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.EventRouter;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.order.account.BalanceNotices;
import com.quickcart.order.account.Projections;
import com.quickcart.order.checkout.OrderSaga;
import com.quickcart.order.orderdesk.OperatorRefunds;
import com.quickcart.order.stock.StockReports;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** What delivery-service and payment-service tell order-service. */
@Component
public class SagaListener {

    private final EventRouter router;

    public SagaListener(EventCodec codec, Inbox inbox, OrderSaga saga, Projections projections, BalanceNotices balances,
                        OperatorRefunds refunds, StockReports stock) {
        this.router = EventRouter.consumer("order-saga", codec, inbox)
                .on(StockReserved.class, saga::stockReserved)
                .on(StockRejected.class, saga::stockRejected)
                .onWithEventId(ItemsDelivered.class, saga::itemsDelivered)
                .on(PaymentPending.class, saga::paymentPending)
                .on(PaymentSucceeded.class, saga::paymentSucceeded)
                .on(PaymentCancelled.class, saga::paymentCancelled)
                .on(PaymentFailed.class, saga::paymentFailed)
                .on(PaymentExpired.class, saga::paymentExpired)
                .on(PaymentRefunded.class, saga::paymentRefunded)
                .on(StockLevelChanged.class, change -> {
                    projections.stockLevel(change);
                    stock.levelChanged(change);
                })
                .on(StockUploaded.class, stock::uploaded)
                .on(StockWithdrawn.class, stock::withdrawn)
                .on(BalanceChanged.class, projections::balance)
                .on(BalanceAdjusted.class, balances::adjusted)
                .on(BalanceAdjustmentRefused.class, balances::refused)
                .on(OrderRefunded.class, refunds::refunded)
                .on(OrderRefundRefused.class, refunds::refused);
    }

    @KafkaListener(id = "order-saga", groupId = "order-service", topics = {Topics.DELIVERY_EVENTS, Topics.PAYMENT_EVENTS})
    void on(EventEnvelope envelope) {
        router.route(envelope);
    }
}
