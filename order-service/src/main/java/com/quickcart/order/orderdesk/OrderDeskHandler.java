package com.quickcart.order.orderdesk;

import com.quickcart.order.config.StoreProperties;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ResendGoods;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.checkout.OrderSaga;
import com.quickcart.order.checkout.OrderStatus;
import com.quickcart.order.checkout.OrderDesk;
import com.quickcart.order.checkout.Orders.Order;
import com.quickcart.order.operator.AuditTrail;
import com.quickcart.order.operator.OperatorAccess;
import com.quickcart.order.operator.OperatorButtons.OperatorMenu;
import com.quickcart.order.operator.Permission;
import com.quickcart.order.orderdesk.OrderDeskButtons.AskEstimate;
import com.quickcart.order.orderdesk.OrderDeskButtons.AskRefund;
import com.quickcart.order.orderdesk.OrderDeskButtons.CancelUnpaid;
import com.quickcart.order.orderdesk.OrderDeskButtons.FindOrder;
import com.quickcart.order.orderdesk.OrderDeskButtons.OrderCard;
import com.quickcart.order.orderdesk.OrderDeskButtons.RefundEstimate;
import com.quickcart.order.orderdesk.OrderDeskButtons.ResendOrderGoods;
import com.quickcart.order.refund.EstimatesSent;
import com.quickcart.order.refund.RefundPolicy;
import com.quickcart.order.refund.RefundRule;
import com.quickcart.order.refund.RefundRule.Estimate;
import com.quickcart.order.refund.RefundTexts;
import com.quickcart.order.session.Session.Awaiting;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.quickcart.order.bot.Buttons.button;
import static com.quickcart.order.operator.Permission.FINANCE;
import static com.quickcart.order.operator.Permission.SUPPORT;

/**
 * Orders from the operator's chat: look one up by id and see its status, customer, product,
 * amounts and trail (each saga step with its time). SUPPORT re-sends goods and cancels an unpaid
 * order (the customer's own cancel-as-request path); FINANCE sees the refund buttons, whose
 * actions are {@link OrderRefundHandler}'s. Each action is checked at the tap and audited.
 */
@Component
public class OrderDeskHandler implements Feature {

    /** Who may look orders up: support answers customers about them, finance refunds them. */
    static final Set<Permission> VIEWERS = EnumSet.of(SUPPORT, FINANCE);
    private static final Pattern ORDER_ID = Pattern.compile("QC-[0-9A-Z]{10}");
    private final DateTimeFormatter when;

    private final OrderDesk orders;
    private final OrderSaga saga;
    private final UserAccounts users;
    private final OperatorAccess access;
    private final AuditTrail audit;
    private final EstimatesSent estimates;
    private final RefundRule rule;
    private final RefundTexts refundTexts;
    private final Outbox outbox;
    private final EventCodec codec;
    private final Replier replier;
    private final Texts texts;

    public OrderDeskHandler(OrderDesk orders, OrderSaga saga, UserAccounts users, OperatorAccess access, AuditTrail audit,
                            EstimatesSent estimates, RefundPolicy policy, RefundTexts refundTexts,
                            Outbox outbox, EventCodec codec, Replier replier, Texts texts, StoreProperties store) {
        this.when = DateTimeFormatter.ofPattern("dd MMM HH:mm:ss").withZone(store.timezone());
        this.orders = orders;
        this.saga = saga;
        this.users = users;
        this.access = access;
        this.audit = audit;
        this.estimates = estimates;
        this.rule = policy.rule();
        this.refundTexts = refundTexts;
        this.outbox = outbox;
        this.codec = codec;
        this.replier = replier;
        this.texts = texts;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(FindOrder.class, access.requiresAny(VIEWERS, (in, button) -> ask(in, null)))
                .text(Awaiting.ADMIN_ORDER_ID, access.requiresAny(VIEWERS, this::orderIdTyped))
                .button(OrderCard.class, access.requiresAny(VIEWERS, this::card))
                .button(ResendOrderGoods.class, access.requires(SUPPORT, this::resend))
                .button(CancelUnpaid.class, access.requires(SUPPORT, this::cancel));
    }

    private void ask(Interaction in, String problem) {
        in.replaceSession(in.session().awaiting(Awaiting.ADMIN_ORDER_ID));
        String prompt = texts.get(in.locale(), "admin.order.prompt");
        replier.show(in, new Screen(problem == null ? prompt : problem + "\n\n" + prompt,
                Buttons.keyboard().row(button(texts.get(in.locale(), "nav.back"), new OperatorMenu())).build()));
    }

    private void orderIdTyped(Interaction in, String text) {
        String id = text.strip().toUpperCase(Locale.ROOT);
        if (!ORDER_ID.matcher(id).matches()) {
            ask(in, texts.get(in.locale(), "admin.order.format"));
            return;
        }
        if (orders.find(id).isEmpty()) {
            ask(in, texts.get(in.locale(), "admin.order.unknown", id));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        card(in, new OrderCard(id));
    }

    private void card(Interaction in, OrderCard button) {
        Optional<Order> found = orders.find(button.orderId());
        if (found.isEmpty()) {
            replier.staleButton(in);
            return;
        }
        Order order = found.get();
        Locale locale = in.locale();
        StringBuilder text = new StringBuilder(texts.get(locale, "admin.order.card", order.id(),
                texts.get(locale, "status." + order.status()), customer(order.userId()), order.productName(), order.quantity(),
                Rupiah.format(order.subtotal()), Rupiah.format(order.discount()), Rupiah.format(order.total()), paid(locale, order),
                order.refundedAmount() == null ? "-" : texts.get(locale, "admin.order.refunded", Rupiah.format(order.refundedAmount()),
                        order.refundReason() == null ? "-" : order.refundReason())));
        Optional<Estimate> estimate = customerEstimate(order);
        estimates.last(order.id()).ifPresent(sent -> text.append("\n\n").append(texts.get(locale, "admin.order.estimate",
                when.format(sent.at()), refundTexts.explain(locale, rule.estimate(order.total(), sent.usage())))));
        text.append("\n\n").append(texts.get(locale, "admin.order.trail")).append('\n').append(orders.trail(order.id()).stream()
                .map(step -> when.format(step.at()) + " \u00B7 " + texts.get(locale, "status." + step.status()))
                .collect(Collectors.joining("\n")));

        Set<Permission> permissions = access.permissionsOf(in.userId());
        Buttons keyboard = Buttons.keyboard();
        if (permissions.contains(FINANCE) && order.refundable()) {
            estimate.filter(e -> e.amount() > 0).ifPresent(e -> keyboard.row(button(texts.get(locale, "admin.order.refund.estimate",
                    Rupiah.format(e.amount())), new RefundEstimate(order.id(), e.usage().daysUsed(), e.usage().claims()))));
            keyboard.row(button(texts.get(locale, "admin.order.refund"), new AskRefund(order.id())),
                    button(texts.get(locale, "admin.order.estimate.button"), new AskEstimate(order.id())));
        }
        if (permissions.contains(SUPPORT) && order.status() == OrderStatus.COMPLETED) {
            keyboard.row(button(texts.get(locale, "admin.order.resend"), new ResendOrderGoods(order.id())));
        }
        if (permissions.contains(SUPPORT) && order.cancellable()) {
            keyboard.row(button(texts.get(locale, "admin.order.cancel"), new CancelUnpaid(order.id())));
        }
        keyboard.row(button(texts.get(locale, "admin.order.another"), new FindOrder()),
                button(texts.get(locale, "nav.back"), new OperatorMenu()));
        replier.show(in, new Screen(Texts.fitMessage(text.toString()), keyboard.build()));
    }

    private Optional<Estimate> customerEstimate(Order order) {
        return estimates.last(order.id()).map(sent -> rule.estimate(order.total(), sent.usage()));
    }

    private String customer(long userId) {
        return users.find(userId).map(p -> userId + (p.username() == null ? "" : " @" + p.username())
                + (p.firstName() == null ? "" : " (" + p.firstName() + ")")).orElse(Long.toString(userId));
    }

    private String paid(Locale locale, Order order) {
        if (order.totalBill() == null || !(order.status().refundable() || order.refundedAmount() != null)) {
            return texts.get(locale, "admin.order.unpaid");
        }
        return texts.get(locale, "admin.order.paid", Rupiah.format(order.totalBill()), texts.get(locale, "method." + order.paymentMethod()),
                Rupiah.format(order.paymentFee() == null ? 0 : order.paymentFee()));
    }

    /** The goods go again to the customer's own chat, never to the operator's. */
    private void resend(Interaction in, ResendOrderGoods button) {
        Optional<Order> order = orders.find(button.orderId())
                .filter(o -> o.status() == OrderStatus.COMPLETED);
        if (order.isEmpty()) {
            replier.staleButton(in);
            return;
        }
        outbox.append(Topics.DELIVERY_COMMANDS, codec.wrap(order.get().id(), new ResendGoods(order.get().id())));
        audit.record(in.userId(), "order.resend", "order:" + order.get().id(), null, Map.of("chat", order.get().chatId()));
        replier.toast(in, texts.get(in.locale(), "admin.order.resent"));
    }

    private void cancel(Interaction in, CancelUnpaid button) {
        Optional<Order> order = orders.find(button.orderId());
        Optional<String> outcome = order.flatMap(saga::cancelByOperator);
        if (outcome.isEmpty()) {
            replier.toast(in, texts.get(in.locale(), "order.cancel.toolate"));
            card(in, new OrderCard(button.orderId()));
            return;
        }
        audit.record(in.userId(), "order.cancel", "order:" + order.get().id(), Map.of("status", order.get().status().name()),
                Map.of("status", orders.find(order.get().id()).orElseThrow().status().name()));
        replier.notify(order.get().chatId(), Screen.of(texts.get(Locale.forLanguageTag(order.get().language()), outcome.get(),
                order.get().id())));
        card(in, new OrderCard(button.orderId()));
    }
}
