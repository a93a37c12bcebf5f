package com.quickcart.order.checkout;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.delivery.StockRejected;
import com.quickcart.common.events.delivery.StockReserved;
import com.quickcart.common.events.order.OrderCancelled;
import com.quickcart.common.events.order.OrderPaid;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.events.payment.PaymentExpired;
import com.quickcart.common.events.payment.PaymentFailed;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.common.events.payment.PaymentRefunded;
import com.quickcart.common.events.payment.PaymentRequested;
import com.quickcart.common.events.payment.PaymentSucceeded;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.checkout.Orders.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * order-service's side of the checkout saga (choreography). Each step is a guarded transition:
 * a late or duplicate event finds the order already moved and changes nothing.
 */
@Service
public class OrderSaga {

    private static final Logger log = LoggerFactory.getLogger(OrderSaga.class);

    private final Orders orders;
    private final Vouchers vouchers;
    private final Outbox outbox;
    private final EventCodec codec;
    private final Replier replier;
    private final CheckoutScreens screens;
    private final JdbcClient jdbc;

    public OrderSaga(Orders orders, Vouchers vouchers, Outbox outbox, EventCodec codec, Replier replier,
                     CheckoutScreens screens, JdbcClient jdbc) {
        this.orders = orders;
        this.vouchers = vouchers;
        this.outbox = outbox;
        this.codec = codec;
        this.replier = replier;
        this.screens = screens;
        this.jdbc = jdbc;
    }

    public void stockReserved(StockReserved event) {
        withOrder(event.orderId(), order -> {
            if (orders.move(order.id(), "AWAITING_PAYMENT", "PENDING")) {
                outbox.append(Topics.PAYMENT_COMMANDS, codec.wrap(order.id(), new PaymentRequested(order.id(),
                        PaymentPurpose.ORDER, order.userId(), order.chatId(), order.language(), order.total(),
                        PaymentMethod.valueOf(order.paymentMethod()))));
            }
        });
    }

    public void stockRejected(StockRejected event) {
        withOrder(event.orderId(), order -> {
            if (orders.move(order.id(), "CANCELLED", "PENDING")) {
                vouchers.release(order.id());
                tell(order, "order.rejected", order.productName(), event.available());
            }
        });
    }

    public void paymentSucceeded(PaymentSucceeded event) {
        if (event.purpose() == PaymentPurpose.DEPOSIT) {
            replier.notify(event.chatId(), screens.message(locale(event.language()), "deposit.credited", Rupiah.format(event.amount())));
            return;
        }
        withOrder(event.paymentId(), order -> {
            if (orders.move(order.id(), "PAID", "AWAITING_PAYMENT")) {
                outbox.append(Topics.ORDER_EVENTS, codec.wrap(order.id(),
                        new OrderPaid(order.id(), order.userId(), order.chatId(), order.language())));
                tell(order, "order.paid", order.id());
            }
        });
    }

    public void paymentFailed(PaymentFailed event) {
        if (event.purpose() == PaymentPurpose.DEPOSIT) {
            replier.notify(event.chatId(), screens.message(locale(event.language()), "deposit.failed"));
            return;
        }
        withOrder(event.paymentId(), order -> {
            if (orders.move(order.id(), "CANCELLED", "AWAITING_PAYMENT")) {
                end(order, "PAYMENT_FAILED");
                replier.notify(order.chatId(), screens.paymentFailed(locale(order.language()), order, event.reason()));
            }
        });
    }

    public void paymentExpired(PaymentExpired event) {
        if (event.purpose() == PaymentPurpose.DEPOSIT) {
            replier.notify(event.chatId(), screens.message(locale(event.language()), "deposit.expired"));
            return;
        }
        withOrder(event.paymentId(), order -> {
            if (orders.move(order.id(), "EXPIRED", "AWAITING_PAYMENT")) {
                end(order, "EXPIRED");
                tell(order, "order.expired", order.id());
            }
        });
    }

    public void paymentRefunded(PaymentRefunded event) {
        replier.notify(event.chatId(), screens.message(locale(event.language()), "payment.refunded", event.paymentId(),
                Rupiah.format(event.amount())));
    }

    public void itemsDelivered(ItemsDelivered event) {
        withOrder(event.orderId(), order -> {
            if (orders.move(order.id(), "COMPLETED", "PAID")) {
                jdbc.sql("UPDATE products SET units_sold = units_sold + :quantity WHERE id = :product")
                        .param("quantity", order.quantity()).param("product", order.productId()).update();
            }
        });
    }

    /** An unpaid order's end: its reservation and voucher go back. */
    private void end(Order order, String reason) {
        vouchers.release(order.id());
        outbox.append(Topics.ORDER_EVENTS, codec.wrap(order.id(), new OrderCancelled(order.id(), reason)));
    }

    private void withOrder(String orderId, Consumer<Order> step) {
        try (var ignored = MDC.putCloseable("order_id", orderId)) {
            Optional<Order> order = orders.find(orderId);
            if (order.isEmpty()) {
                log.warn("saga event for an unknown order: ignored");
                return;
            }
            try (var chat = MDC.putCloseable("chat_id", Long.toString(order.get().chatId()))) {
                step.accept(order.get());
            }
        }
    }

    private void tell(Order order, String key, Object... args) {
        replier.notify(order.chatId(), screens.message(locale(order.language()), key, args));
    }

    private static Locale locale(String language) {
        return Locale.forLanguageTag(language == null ? "id" : language);
    }
}
