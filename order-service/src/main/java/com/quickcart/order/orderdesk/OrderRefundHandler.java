package com.quickcart.order.orderdesk;

import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.checkout.OrderDesk;
import com.quickcart.order.checkout.Orders.Order;
import com.quickcart.order.operator.OperatorAccess;
import com.quickcart.order.orderdesk.OrderDeskButtons.AskEstimate;
import com.quickcart.order.orderdesk.OrderDeskButtons.AskRefund;
import com.quickcart.order.orderdesk.OrderDeskButtons.FindOrder;
import com.quickcart.order.orderdesk.OrderDeskButtons.OrderCard;
import com.quickcart.order.orderdesk.OrderDeskButtons.RefundEstimate;
import com.quickcart.order.refund.RefundPolicy;
import com.quickcart.order.refund.RefundRule;
import com.quickcart.order.refund.RefundRule.Estimate;
import com.quickcart.order.refund.RefundRule.Usage;
import com.quickcart.order.refund.RefundTexts;
import com.quickcart.order.session.Session.Awaiting;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

import static com.quickcart.order.bot.Buttons.button;
import static com.quickcart.order.operator.Permission.FINANCE;

/**
 * Refunding an order from the operator's view (FINANCE): an amount and a reason typed and checked
 * against what was paid, or the refund calculator's figure for a usage, typed here or sent by the
 * customer, in one tap. The request goes to payment-service through {@link OperatorRefunds}.
 */
@Component
public class OrderRefundHandler implements Feature {

    private final OrderDesk orders;
    private final OperatorAccess access;
    private final OperatorRefunds refunds;
    private final RefundRule rule;
    private final RefundTexts refundTexts;
    private final Replier replier;
    private final Texts texts;

    public OrderRefundHandler(OrderDesk orders, OperatorAccess access, OperatorRefunds refunds, RefundPolicy policy,
                              RefundTexts refundTexts, Replier replier, Texts texts) {
        this.orders = orders;
        this.access = access;
        this.refunds = refunds;
        this.rule = policy.rule();
        this.refundTexts = refundTexts;
        this.replier = replier;
        this.texts = texts;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(AskRefund.class, access.requires(FINANCE, this::askRefund))
                .text(Awaiting.ADMIN_REFUND, access.requires(FINANCE, this::refundTyped))
                .button(AskEstimate.class, access.requires(FINANCE, this::askEstimate))
                .text(Awaiting.ADMIN_REFUND_USAGE, access.requires(FINANCE, this::usageTyped))
                .button(RefundEstimate.class, access.requires(FINANCE, this::refundEstimate));
    }

    /** The session's order, or back to the lookup when it is gone (a session from before a restart, say). */
    private Optional<Order> awaitedOrder(Interaction in) {
        Optional<Order> order = Optional.ofNullable(in.session().get("order")).flatMap(orders::find);
        if (order.isEmpty()) {
            in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
            replier.show(in, new Screen(texts.get(in.locale(), "admin.order.prompt"),
                    Buttons.keyboard().row(button(texts.get(in.locale(), "admin.orders"), new FindOrder())).build()));
        }
        return order;
    }

    private Optional<Order> refundable(Interaction in, String orderId) {
        Optional<Order> order = orders.find(orderId);
        if (order.isEmpty()) {
            replier.staleButton(in);
        } else if (!order.get().refundable()) {
            replier.show(in, new Screen(refusal(in.locale(), order.get()), Buttons.keyboard()
                    .row(button(texts.get(in.locale(), "admin.order.open", orderId), new OrderCard(orderId))).build()));
            return Optional.empty();
        }
        return order;
    }

    /** Why this order cannot be refunded, said before anything is sent to payments. */
    private String refusal(Locale locale, Order order) {
        String why = order.refundedAmount() != null
                ? texts.get(locale, "admin.refund.refused.already", Rupiah.format(order.refundedAmount()))
                : texts.get(locale, "admin.refund.refused.unpaid");
        return texts.get(locale, "admin.refund.cannot", order.id(), why);
    }

    private void askRefund(Interaction in, AskRefund button) {
        refundable(in, button.orderId()).ifPresent(order -> {
            in.replaceSession(in.session().awaiting(Awaiting.ADMIN_REFUND).with("order", order.id()));
            replier.show(in, refundPrompt(in.locale(), null, order));
        });
    }

    private void refundTyped(Interaction in, String text) {
        Optional<Order> order = awaitedOrder(in);
        if (order.isEmpty()) {
            return;
        }
        if (!order.get().refundable()) {
            in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
            refundable(in, order.get().id());
            return;
        }
        RefundDraft.Result result = RefundDraft.parse(text, order.get().total());
        if (!result.ok()) {
            String problem = texts.get(in.locale(), result.errorKey(), Rupiah.format(order.get().total()));
            replier.show(in, refundPrompt(in.locale(), problem, order.get()));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        send(in, order.get(), result.draft().amount(), result.draft().reason());
    }

    private Screen refundPrompt(Locale locale, String problem, Order order) {
        String prompt = texts.get(locale, "admin.refund.prompt", order.id(), Rupiah.format(order.total()));
        return new Screen(problem == null ? prompt : problem + "\n\n" + prompt,
                Buttons.keyboard().row(button(texts.get(locale, "nav.cancel"), new OrderCard(order.id()))).build());
    }

    private void askEstimate(Interaction in, AskEstimate button) {
        refundable(in, button.orderId()).ifPresent(order -> {
            in.replaceSession(in.session().awaiting(Awaiting.ADMIN_REFUND_USAGE).with("order", order.id()));
            replier.show(in, usagePrompt(in.locale(), null, order));
        });
    }

    private void usageTyped(Interaction in, String text) {
        Optional<Order> order = awaitedOrder(in);
        if (order.isEmpty()) {
            return;
        }
        Usage.Parsed parsed = Usage.parse(text, rule.periodDays());
        if (!parsed.ok()) {
            replier.show(in, usagePrompt(in.locale(), texts.get(in.locale(), parsed.errorKey(), rule.periodDays()), order.get()));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        Estimate estimate = rule.estimate(order.get().total(), parsed.usage());
        Buttons keyboard = Buttons.keyboard();
        if (estimate.amount() > 0 && order.get().refundable()) {
            keyboard.row(button(texts.get(in.locale(), "admin.order.refund.estimate", Rupiah.format(estimate.amount())),
                    new RefundEstimate(order.get().id(), estimate.usage().daysUsed(), estimate.usage().claims())));
        }
        keyboard.row(button(texts.get(in.locale(), "admin.order.open", order.get().id()), new OrderCard(order.get().id())));
        replier.show(in, new Screen(texts.get(in.locale(), "admin.order.estimate.result", order.get().id(),
                refundTexts.explain(in.locale(), estimate)), keyboard.build()));
    }

    private Screen usagePrompt(Locale locale, String problem, Order order) {
        String prompt = texts.get(locale, "admin.order.estimate.prompt", order.id(), Rupiah.format(order.total()), rule.periodDays());
        return new Screen(problem == null ? prompt : problem + "\n\n" + prompt,
                Buttons.keyboard().row(button(texts.get(locale, "nav.cancel"), new OrderCard(order.id()))).build());
    }

    /** One tap: exactly the calculator's figure for that usage, worked out again now, with the rule as the reason. */
    private void refundEstimate(Interaction in, RefundEstimate button) {
        Usage.Parsed usage = Usage.parse(button.daysUsed() + " " + button.claims(), rule.periodDays());
        if (!usage.ok()) {
            replier.staleButton(in);
            return;
        }
        refundable(in, button.orderId()).ifPresent(order -> {
            Estimate estimate = rule.estimate(order.total(), usage.usage());
            if (estimate.amount() < 1) {
                replier.staleButton(in);
                return;
            }
            send(in, order, estimate.amount(), refundTexts.reason(Locale.forLanguageTag(order.language()), estimate));
        });
    }

    private void send(Interaction in, Order order, long amount, String reason) {
        refunds.request(in.userId(), order, amount, reason);
        replier.show(in, new Screen(texts.get(in.locale(), "admin.refund.sent", Rupiah.format(amount), order.id()),
                Buttons.keyboard().row(button(texts.get(in.locale(), "admin.order.open", order.id()), new OrderCard(order.id()))).build()));
    }
}
