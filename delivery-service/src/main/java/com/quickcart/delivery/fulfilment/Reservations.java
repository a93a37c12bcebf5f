package com.quickcart.delivery.fulfilment;

import com.quickcart.common.events.order.OrderPlaced;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Arrays;
import java.util.Optional;

/** One row per order delivery-service has seen: what it holds for it and whose it is. */
@Repository
public class Reservations {

    private final JdbcClient jdbc;

    public Reservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(OrderPlaced order, ReservationStatus status) {
        if (!status.initial()) {
            throw new IllegalArgumentException("a reservation never starts " + status);
        }
        jdbc.sql("""
                        INSERT INTO reservations (order_id, product_id, quantity, user_id, product_name, status)
                        VALUES (:order, :product, :quantity, :user, :name, :status)
                        """)
                .param("order", order.orderId())
                .param("product", order.productId())
                .param("quantity", order.quantity())
                .param("user", order.userId())
                .param("name", order.productName())
                .param("status", status.name())
                .update();
    }

    /**
     * The guarded transition, argument for argument like order-service's {@code Orders.move}: moves
     * the reservation to {@code to} only if it is in one of {@code from}; true only for the delivery
     * of the event that made it. Steps {@link ReservationStatus} does not allow are refused before
     * any SQL runs.
     */
    public boolean move(String orderId, ReservationStatus to, ReservationStatus... from) {
        for (ReservationStatus source : from) {
            if (!source.canMoveTo(to)) {
                throw new IllegalArgumentException("a reservation never moves from " + source + " to " + to);
            }
        }
        return jdbc.sql("UPDATE reservations SET status = :to, updated_at = now() WHERE order_id = :order AND status IN (:from)")
                .param("to", to.name()).param("order", orderId).param("from", Arrays.stream(from).map(Enum::name).toList())
                .update() == 1;
    }

    public Optional<Reservation> find(String orderId) {
        return jdbc.sql("SELECT order_id, product_id, quantity, user_id, product_name, status FROM reservations WHERE order_id = :order")
                .param("order", orderId)
                .query((rs, n) -> new Reservation(rs.getString("order_id"), rs.getLong("product_id"), rs.getInt("quantity"),
                        rs.getLong("user_id"), rs.getString("product_name"),
                        ReservationStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    public record Reservation(String orderId, long productId, int quantity, long userId, String productName,
                              ReservationStatus status) {
    }
}
