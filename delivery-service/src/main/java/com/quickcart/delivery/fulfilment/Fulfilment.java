package com.quickcart.delivery.fulfilment;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.delivery.ResendGoods;
import com.quickcart.common.events.delivery.StockLevelChanged;
import com.quickcart.common.events.delivery.StockRejected;
import com.quickcart.common.events.delivery.StockReserved;
import com.quickcart.common.events.order.OrderCancelled;
import com.quickcart.common.events.order.OrderPaid;
import com.quickcart.common.events.order.OrderPlaced;
import com.quickcart.common.goods.GoodsSealer;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.delivery.fulfilment.Reservations.Reservation;
import com.quickcart.delivery.inventory.Inventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * delivery-service's part of the checkout saga. Each method runs in the inbox transaction of
 * the event that triggered it, so its effects and the events it publishes commit together.
 */
@Service
public class Fulfilment {

    private static final Logger log = LoggerFactory.getLogger(Fulfilment.class);

    private final Inventory inventory;
    private final Reservations reservations;
    private final Outbox outbox;
    private final EventCodec codec;
    private final JdbcClient jdbc;
    private final GoodsSealer sealer;

    public Fulfilment(Inventory inventory, Reservations reservations, Outbox outbox, EventCodec codec, JdbcClient jdbc,
                      GoodsSealer sealer) {
        this.inventory = inventory;
        this.reservations = reservations;
        this.outbox = outbox;
        this.codec = codec;
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    /** All or nothing: either the whole quantity is reserved, or none is and the order is rejected. */
    public void reserve(OrderPlaced order) {
        try (var ignored = MDC.putCloseable("order_id", order.orderId())) {
            int claimed = inventory.claim(order.orderId(), order.productId(), order.quantity());
            if (claimed < order.quantity()) {
                inventory.release(order.orderId());
                reservations.record(order, ReservationStatus.REJECTED);
                int available = publishStockLevel(order.productId());
                outbox.append(Topics.DELIVERY_EVENTS, codec.wrap(order.orderId(),
                        new StockRejected(order.orderId(), order.productId(), order.quantity(), available)));
                log.info("stock rejected product_id={} requested={} available={}", order.productId(), order.quantity(), available);
                return;
            }
            reservations.record(order, ReservationStatus.RESERVED);
            outbox.append(Topics.DELIVERY_EVENTS, codec.wrap(order.orderId(),
                    new StockReserved(order.orderId(), order.productId(), order.quantity())));
            publishStockLevel(order.productId());
        }
    }

    public void handOver(OrderPaid paid) {
        try (var ignored = MDC.putCloseable("order_id", paid.orderId())) {
            Optional<Reservation> reservation = reservations.find(paid.orderId());
            if (reservation.isEmpty() || !reservations.move(paid.orderId(), ReservationStatus.DELIVERED, ReservationStatus.RESERVED)) {
                log.warn("paid order has no reservation to hand over; status={}", reservation.map(r -> r.status().name()).orElse("none"));
                return;
            }
            int count = publishSealed(reservation.get(), inventory.handOver(paid.orderId()), false);
            log.info("items handed over count={}", count);
        }
    }

    public void release(OrderCancelled cancelled) {
        try (var ignored = MDC.putCloseable("order_id", cancelled.orderId())) {
            Optional<Reservation> reservation = reservations.find(cancelled.orderId());
            if (reservation.isEmpty() || !reservations.move(cancelled.orderId(), ReservationStatus.RELEASED, ReservationStatus.RESERVED)) {
                return;
            }
            int released = inventory.release(cancelled.orderId());
            publishStockLevel(reservation.get().productId());
            log.info("reservation released items={} reason={}", released, cancelled.reason());
        }
    }

    public void resend(ResendGoods command) {
        try (var ignored = MDC.putCloseable("order_id", command.orderId())) {
            Optional<Reservation> reservation = reservations.find(command.orderId()).filter(r -> r.status() == ReservationStatus.DELIVERED);
            if (reservation.isEmpty()) {
                log.warn("re-send asked for an order that was not delivered");
                return;
            }
            int count = publishSealed(reservation.get(), inventory.delivered(command.orderId()), true);
            log.info("items re-sent count={}", count);
        }
    }

    /**
     * The goods leave the inventory only sealed for the notifier, bound to the event that carries
     * them: the event id is chosen first so that it can be sealed in. A re-send seals afresh.
     */
    private int publishSealed(Reservation r, List<String> items, boolean resend) {
        UUID eventId = UUID.randomUUID();
        outbox.append(Topics.DELIVERY_EVENTS, codec.wrap(eventId, r.orderId(), new ItemsDelivered(r.orderId(), r.userId(),
                r.productName(), items.size(), sealer.seal(items, r.orderId(), eventId), resend)));
        return items.size();
    }

    /**
     * Publishes the product's available count. The advisory lock orders concurrent transactions
     * of one product, so the counts reach the projection in the order they became true.
     */
    public int publishStockLevel(long productId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:product)").param("product", productId).query(Object.class).list();
        int available = inventory.available(productId);
        outbox.append(Topics.DELIVERY_EVENTS, codec.wrap(Long.toString(productId), new StockLevelChanged(productId, available)));
        return available;
    }
}
