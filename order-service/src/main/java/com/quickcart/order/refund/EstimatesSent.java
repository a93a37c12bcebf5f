package com.quickcart.order.refund;

import com.quickcart.order.refund.RefundEstimates.Sent;

import java.util.Optional;

/** The usage a customer last sent to support for an order's refund estimate, for the operator's order view. */
public interface EstimatesSent {

    Optional<Sent> last(String orderId);
}
