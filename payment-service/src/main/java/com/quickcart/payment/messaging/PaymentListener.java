package com.quickcart.payment.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.pakasir.PakasirCallbackReceived;
import com.quickcart.common.events.payment.BalanceAdjustmentRequested;
import com.quickcart.common.events.payment.OrderRefundRequested;
import com.quickcart.common.events.payment.PaymentCancelRequested;
import com.quickcart.common.events.payment.PaymentRequested;
import com.quickcart.common.events.payment.RefundRequested;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.EventRouter;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.payment.payments.OrderRefunds;
import com.quickcart.payment.payments.PakasirWork;
import com.quickcart.payment.payments.PaymentProcessing;
import com.quickcart.payment.wallet.BalanceAdjustments;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
public class PaymentListener {

    private final EventRouter router;
    private final PakasirWork pakasirWork;

    public PaymentListener(EventCodec codec, Inbox inbox, PaymentProcessing processing, BalanceAdjustments adjustments,
                           OrderRefunds refunds, PakasirWork pakasirWork) {
        this.router = EventRouter.consumer("payment", codec, inbox)
                .on(PaymentRequested.class, processing::requested)
                .on(PaymentCancelRequested.class, processing::cancelRequested)
                .on(RefundRequested.class, processing::refundRequested)
                .on(BalanceAdjustmentRequested.class, adjustments::apply)
                .on(OrderRefundRequested.class, refunds::requested)
                .on(PakasirCallbackReceived.class, processing::callback);
        this.pakasirWork = pakasirWork;
    }

    @KafkaListener(id = "payment", groupId = "payment-service", topics = {Topics.PAYMENT_COMMANDS, Topics.PAKASIR_CALLBACKS})
    void on(EventEnvelope envelope) {
        router.route(envelope);
        // The handler only recorded the Pakasir call it owes; it is made here, after the inbox
        // transaction committed, so no connection is held while Pakasir answers. Both topics are
        // keyed by the payment id (balance adjustments, keyed by user, owe no call). A redelivery runs this again: that is how a call lost to a
        // crash after the commit is made at once rather than at the next sweep.
        pakasirWork.runFor(envelope.key());
    }
}
