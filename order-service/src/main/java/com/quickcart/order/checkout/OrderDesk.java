package com.quickcart.order.checkout;

import com.quickcart.order.checkout.Orders.Order;
import com.quickcart.order.checkout.Orders.Step;

import java.util.List;
import java.util.Optional;

/**
 * What the operator's order desk and the refund calculator may ask of checkout's orders: read an
 * order, its trail, a customer's refundable orders, and the one change a refund makes. The table
 * stays checkout's (docs/adr/0026).
 */
public interface OrderDesk {

    Optional<Order> find(String id);

    /** The order's status moves, oldest first. */
    List<Step> trail(String id);

    /** The user's paid orders with money to refund, newest first. */
    List<Order> refundable(long userId, int limit);

    /**
     * The order is REFUNDED, with what went back to the balance, by whom and why (written once);
     * false when it was neither PAID nor COMPLETED.
     */
    boolean markRefunded(String id, long amount, Long operatorId, String reason);
}
