package com.quickcart.order.checkout;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.delivery.StockRejected;
import com.quickcart.common.events.delivery.StockReserved;
import com.quickcart.common.events.order.OrderCancelled;
import com.quickcart.common.events.order.OrderPaid;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.events.payment.PaymentCancelRequested;
import com.quickcart.common.events.payment.PaymentCancelled;
import com.quickcart.common.events.payment.PaymentExpired;
import com.quickcart.common.events.payment.PaymentFailed;
import com.quickcart.common.events.payment.PaymentPending;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.common.events.payment.PaymentRefunded;
import com.quickcart.common.events.payment.PaymentRequested;
import com.quickcart.common.events.payment.PaymentSucceeded;
import com.quickcart.common.events.payment.RefundRequested;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.PermanentFailure;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.catalog.Products;
import com.quickcart.order.checkout.Orders.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
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
    private final Products products;
    private final QrisNotice qris;
    private final GoodsNotice goods;
    private final UserAccounts users;

    public OrderSaga(Orders orders, Vouchers vouchers, Outbox outbox, EventCodec codec, Replier replier,
                     CheckoutScreens screens, Products products, QrisNotice qris, GoodsNotice goods, UserAccounts users) {
        this.orders = orders;
        this.vouchers = vouchers;
        this.outbox = outbox;
        this.codec = codec;
        this.replier = replier;
        this.screens = screens;
        this.products = products;
        this.qris = qris;
        this.goods = goods;
        this.users = users;
    }

    /**
     * Stock is held: ask for the money. A total of zero (a 100 % voucher) has nothing to collect,
     * so the order is paid at once and no gateway is involved (payments are positive by rule).
     */
    public void stockReserved(StockReserved event) {
        withOrder(event.orderId(), order -> {
            if (order.total() == 0) {
                if (orders.move(order.id(), OrderStatus.PAID, OrderStatus.PENDING)) {
                    orders.recordBill(order.id(), 0, 0);
                    publishPaid(order);
                    tell(order, "order.free", order.id());
                }
            } else if (orders.move(order.id(), OrderStatus.AWAITING_PAYMENT, OrderStatus.PENDING)) {
                outbox.append(Topics.PAYMENT_COMMANDS, codec.wrap(order.id(), new PaymentRequested(order.id(),
                        PaymentPurpose.ORDER, order.userId(), order.total(),
                        PaymentMethod.valueOf(order.paymentMethod()))));
            }
        });
    }

    public void stockRejected(StockRejected event) {
        withOrder(event.orderId(), order -> {
            if (orders.move(order.id(), OrderStatus.CANCELLED, OrderStatus.PENDING)) {
                vouchers.release(order.id());
                tell(order, "order.rejected", order.productName(), event.available());
            }
        });
    }

    /**
     * The QRIS code exists: its fee and total are Pakasir's, and the order shows exactly those.
     * The customer gets the code only while the order still waits for it: one they already
     * cancelled (or that timed out) would only invite a payment that goes straight back.
     */
    public void paymentPending(PaymentPending event) {
        if (event.purpose() == PaymentPurpose.DEPOSIT) {
            qris.send(event.userId(), users.locale(event.userId()), event);
            return;
        }
        withOrder(event.paymentId(), order -> {
            orders.recordBill(order.id(), event.fee(), event.totalPayment());
            if (order.status() == OrderStatus.AWAITING_PAYMENT) {
                qris.send(order.chatId(), locale(order.language()), event);
            }
        });
    }

    /**
     * Money is in. It always wins over a cancel the customer asked for meanwhile (payment-service
     * took the money before it saw the request). Money for an order that has already ended is
     * never dropped: it goes back to the customer's balance.
     */
    public void paymentSucceeded(PaymentSucceeded event) {
        if (event.purpose() == PaymentPurpose.DEPOSIT) {
            tellDepositor(event.userId(), "deposit.credited", Rupiah.format(event.amount()));
            return;
        }
        withOrder(event.paymentId(), order -> {
            if (orders.move(order.id(), OrderStatus.PAID, OrderStatus.AWAITING_PAYMENT, OrderStatus.CANCEL_REQUESTED)) {
                if (event.method() == PaymentMethod.BALANCE) {
                    orders.recordBill(order.id(), 0, event.amount());
                }
                publishPaid(order);
                tell(order, "order.paid", order.id());
                return;
            }
            OrderStatus now = orders.find(order.id()).map(Order::status).orElseThrow();
            if (now == OrderStatus.CANCELLED || now == OrderStatus.EXPIRED) {
                log.warn("payment succeeded for an order already {}: refunding to balance", now);
                outbox.append(Topics.PAYMENT_COMMANDS, codec.wrap(order.id(),
                        new RefundRequested(order.id(), "paid after the order was " + now.name().toLowerCase(Locale.ROOT))));
            }
        });
    }

    public void paymentFailed(PaymentFailed event) {
        if (event.purpose() == PaymentPurpose.DEPOSIT) {
            tellDepositor(event.userId(), "deposit.failed");
            return;
        }
        withOrder(event.paymentId(), order -> {
            if (orders.move(order.id(), OrderStatus.CANCELLED, OrderStatus.AWAITING_PAYMENT, OrderStatus.CANCEL_REQUESTED)) {
                end(order, "PAYMENT_FAILED");
                replier.notify(order.chatId(), screens.paymentFailed(locale(order.language()), order, event.reason()));
            }
        });
    }

    /** payment-service's yes to a cancel request: nothing was taken, so the order ends here. */
    public void paymentCancelled(PaymentCancelled event) {
        withOrder(event.paymentId(), order -> {
            if (orders.move(order.id(), OrderStatus.CANCELLED, OrderStatus.CANCEL_REQUESTED, OrderStatus.AWAITING_PAYMENT)) {
                end(order, "CANCELLED");
                tell(order, "order.cancelled", order.id());
            }
        });
    }

    public void paymentExpired(PaymentExpired event) {
        if (event.purpose() == PaymentPurpose.DEPOSIT) {
            tellDepositor(event.userId(), "deposit.expired");
            return;
        }
        withOrder(event.paymentId(), order -> {
            if (orders.move(order.id(), OrderStatus.EXPIRED, OrderStatus.AWAITING_PAYMENT, OrderStatus.CANCEL_REQUESTED)) {
                end(order, "EXPIRED");
                tell(order, "order.expired", order.id());
            }
        });
    }

    /** Money went back to the balance: the customer is told, and an ended order shows it. */
    public void paymentRefunded(PaymentRefunded event) {
        withOrder(event.paymentId(), order -> {
            if (orders.move(order.id(), OrderStatus.REFUNDED, OrderStatus.CANCELLED, OrderStatus.EXPIRED)) {
                orders.recordRefund(order.id(), event.amount(), null, "paid after the order had ended");
            }
            tell(order, "payment.refunded", order.id(), Rupiah.format(event.amount()));
        });
    }

    /**
     * The goods are out of the inventory (or out again, for a re-send): they go on to the customer,
     * sealed as they came. Goods for an order this service does not know (a database restored to
     * before the order) are dead-lettered, still sealed, rather than dropped: taken from stock and
     * owed to someone, they need an operator.
     */
    public void itemsDelivered(UUID eventId, ItemsDelivered event) {
        if (orders.find(event.orderId()).isEmpty()) {
            throw new PermanentFailure("goods delivered for order " + event.orderId() + ", which order-service does not know", null);
        }
        withOrder(event.orderId(), order -> {
            if (orders.move(order.id(), OrderStatus.COMPLETED, OrderStatus.PAID)) {
                products.sold(order.productId(), order.quantity());
            }
            goods.send(order, eventId, event);
        });
    }

    /**
     * The customer's cancel. Before any payment was asked for, the order simply ends. Once one
     * was, only payment-service knows whether money is already on its way, so the order waits for
     * its answer ({@link #paymentCancelled}, or {@link #paymentSucceeded} if the money won).
     * Returns the message key for the customer, or empty when the order can no longer be cancelled.
     */
    public Optional<String> cancelByCustomer(Order order) {
        return requestCancel(order, "CUSTOMER");
    }

    /** An operator's cancel of an unpaid order: the same request as the customer's, so money that won the race still wins. */
    public Optional<String> cancelByOperator(Order order) {
        return requestCancel(order, "OPERATOR");
    }

    private Optional<String> requestCancel(Order order, String reason) {
        if (orders.move(order.id(), OrderStatus.CANCELLED, OrderStatus.PENDING)) {
            end(order, reason);
            return Optional.of("order.cancelled");
        }
        if (orders.move(order.id(), OrderStatus.CANCEL_REQUESTED, OrderStatus.AWAITING_PAYMENT)) {
            outbox.append(Topics.PAYMENT_COMMANDS, codec.wrap(order.id(), new PaymentCancelRequested(order.id())));
            return Optional.of("order.cancelling");
        }
        return Optional.empty();
    }

    /** Stock never answered in time: no payment was asked for, so the order ends here. */
    public void pendingTimedOut(String orderId) {
        withOrder(orderId, order -> {
            if (orders.move(order.id(), OrderStatus.CANCELLED, OrderStatus.PENDING)) {
                end(order, "TIMEOUT");
                tell(order, "order.timedout", order.id());
            }
        });
    }

    /**
     * Unpaid for too long, or a cancel request still unanswered: ask payment-service (again). It
     * answers with the payment's real outcome, so asking twice is harmless.
     */
    public void paymentTimedOut(String orderId, Instant now) {
        withOrder(orderId, order -> {
            if (orders.move(order.id(), OrderStatus.CANCEL_REQUESTED, OrderStatus.AWAITING_PAYMENT) || order.status().equals(OrderStatus.CANCEL_REQUESTED)) {
                orders.touch(order.id(), now);
                outbox.append(Topics.PAYMENT_COMMANDS, codec.wrap(order.id(), new PaymentCancelRequested(order.id())));
            }
        });
    }

    private void publishPaid(Order order) {
        outbox.append(Topics.ORDER_EVENTS, codec.wrap(order.id(),
                new OrderPaid(order.id(), order.userId())));
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

    /** A deposit belongs to a user, not an order: they hear about it in their private chat. */
    private void tellDepositor(long userId, String key, Object... args) {
        replier.notify(userId, screens.message(users.locale(userId), key, args));
    }

    private static Locale locale(String language) {
        return Locale.forLanguageTag(language == null ? "id" : language);
    }
}
