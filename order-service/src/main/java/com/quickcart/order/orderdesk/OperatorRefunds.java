package com.quickcart.order.orderdesk;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.payment.OrderRefundRefused;
import com.quickcart.common.events.payment.OrderRefundRequested;
import com.quickcart.common.events.payment.OrderRefunded;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.checkout.OrderStatus;
import com.quickcart.order.checkout.OrderDesk;
import com.quickcart.order.checkout.Orders.Order;
import com.quickcart.order.operator.AuditTrail;
import com.quickcart.order.orderdesk.OrderDeskButtons.OrderCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static com.quickcart.order.bot.Buttons.button;

/**
 * Refunds an operator makes: the request goes to payment-service, the only holder of money, which
 * answers; only its yes moves the order to REFUNDED, credits nothing here (the balance projection
 * follows the ledger) and tells the customer. Both the request and the answer are audited, the
 * answer with the order's status and refund before and after.
 */
@Service
public class OperatorRefunds {

    private static final Logger log = LoggerFactory.getLogger(OperatorRefunds.class);

    private final OrderDesk orders;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final EventCodec codec;
    private final Replier replier;
    private final Texts texts;

    public OperatorRefunds(OrderDesk orders, UserAccounts users, AuditTrail audit, Outbox outbox, EventCodec codec, Replier replier,
                           Texts texts) {
        this.orders = orders;
        this.users = users;
        this.audit = audit;
        this.outbox = outbox;
        this.codec = codec;
        this.replier = replier;
        this.texts = texts;
    }

    /** Asks payment-service to refund {@code amount} of {@code order}; the operator hears the answer when it comes. */
    public void request(long operatorId, Order order, long amount, String reason) {
        outbox.append(Topics.PAYMENT_COMMANDS, codec.wrap(order.id(), new OrderRefundRequested(order.id(), amount, reason, operatorId)));
        audit.record(operatorId, "order.refund.request", "order:" + order.id(),
                Map.of("status", order.status().name(), "paid", order.total()), Map.of("amount", amount, "reason", reason));
        try (var ignored = MDC.putCloseable("order_id", order.id())) {
            log.info("order refund requested amount={} operator={}", amount, operatorId);
        }
    }

    public void refunded(OrderRefunded event) {
        try (var ignored = MDC.putCloseable("order_id", event.orderId())) {
            Optional<Order> found = orders.find(event.orderId());
            if (found.isEmpty()) {
                log.warn("refund answer for an unknown order: ignored");
                return;
            }
            Order order = found.get();
            orders.markRefunded(order.id(), event.amount(), event.operatorId(), event.reason());
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("status", order.status().name());
            before.put("refunded", 0);
            before.put("balance", event.balance() - event.amount());
            audit.record(event.operatorId(), "order.refund", "order:" + order.id(), before,
                    Map.of("status", OrderStatus.REFUNDED.name(), "refunded", event.amount(), "balance", event.balance(),
                            "reason", event.reason()));
            Locale customer = Locale.forLanguageTag(order.language());
            replier.notify(order.chatId(), Screen.of(texts.get(customer, "refund.done.customer", Rupiah.format(event.amount()),
                    order.id(), event.reason(), Rupiah.format(event.balance()))));
            replier.send(event.operatorId(), new Screen(texts.get(users.locale(event.operatorId()), "admin.refund.done",
                    Rupiah.format(event.amount()), order.id(), Rupiah.format(event.paid()), Rupiah.format(event.balance())),
                    viewButton(event.operatorId(), order.id())));
            log.info("order refunded amount={}", event.amount());
        }
    }

    public void refused(OrderRefundRefused event) {
        try (var ignored = MDC.putCloseable("order_id", event.orderId())) {
            audit.record(event.operatorId(), "order.refund.refused", "order:" + event.orderId(), null,
                    Map.of("amount", event.amount(), "reason", event.reason()));
            Locale locale = users.locale(event.operatorId());
            String why = switch (event.reason()) {
                case OrderRefundRefused.ALREADY_REFUNDED -> texts.get(locale, "admin.refund.refused.already", Rupiah.format(event.refunded()));
                case OrderRefundRefused.ABOVE_PAID -> texts.get(locale, "admin.refund.above", Rupiah.format(event.paid()));
                default -> texts.get(locale, "admin.refund.refused.unpaid");
            };
            replier.send(event.operatorId(), new Screen(texts.get(locale, "admin.refund.refused", Rupiah.format(event.amount()),
                    event.orderId(), why), viewButton(event.operatorId(), event.orderId())));
            log.info("order refund refused reason={}", event.reason());
        }
    }

    private InlineKeyboardMarkup viewButton(long operatorId, String orderId) {
        return Buttons.keyboard().row(button(texts.get(users.locale(operatorId), "admin.order.open", orderId), new OrderCard(orderId))).build();
    }
}
