package com.quickcart.order.checkout;

import com.quickcart.order.checkout.Orders.Order;

import java.util.List;
import java.util.Optional;

/** The orders checkout lets others read: a customer's history and one order by id (docs/adr/0026). */
public interface CustomerOrders {

    Optional<Order> find(String id);

    /** Newest first. */
    List<Order> page(long userId, int page, int size);

    long count(long userId);
}
