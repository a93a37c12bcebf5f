package com.quickcart.payment.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.pakasir.PakasirCallbackReceived;
import com.quickcart.common.events.payment.BalanceAdjustmentRequested;
import com.quickcart.common.events.payment.PaymentCancelRequested;
import com.quickcart.common.events.payment.PaymentRequested;
import com.quickcart.common.events.payment.RefundRequested;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.EventRouter;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.payment.payments.PaymentProcessing;
import com.quickcart.payment.wallet.BalanceAdjustments;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
public class PaymentListener {

    private final EventRouter router;

    public PaymentListener(EventCodec codec, Inbox inbox, PaymentProcessing processing, BalanceAdjustments adjustments) {
        this.router = EventRouter.consumer("payment", codec, inbox)
                .on(PaymentRequested.class, processing::requested)
                .on(PaymentCancelRequested.class, processing::cancelRequested)
                .on(RefundRequested.class, processing::refundRequested)
                .on(BalanceAdjustmentRequested.class, adjustments::apply)
                .on(PakasirCallbackReceived.class, processing::callback);
    }

    @KafkaListener(id = "payment", groupId = "payment-service", topics = {Topics.PAYMENT_COMMANDS, Topics.PAKASIR_CALLBACKS})
    void on(EventEnvelope envelope) {
        router.route(envelope);
    }
}
