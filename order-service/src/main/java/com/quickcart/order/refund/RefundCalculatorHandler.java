package com.quickcart.order.refund;

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
import com.quickcart.order.menu.MenuButtons.MainMenu;
import com.quickcart.order.orderdesk.OrderDeskButtons.OrderCard;
import com.quickcart.order.refund.RefundButtons.EstimateFor;
import com.quickcart.order.refund.RefundButtons.RefundOrders;
import com.quickcart.order.refund.RefundButtons.SendEstimate;
import com.quickcart.order.refund.RefundRule.Estimate;
import com.quickcart.order.refund.RefundRule.Usage;
import com.quickcart.order.session.Session.Awaiting;
import com.quickcart.order.support.SupportDesk;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.quickcart.order.bot.Buttons.button;

/**
 * {@code /refund}: a customer picks one of their paid orders, types the days used and the
 * warranty claims made, and sees what the store's rule gives back and how; one tap sends it to
 * support as a thread, and the operator's view of the order then shows the same figure.
 * An estimate promises nothing: the store decides, and only its refund moves money.
 */
@Component
public class RefundCalculatorHandler implements Feature {

    private static final int ORDERS_LISTED = 10;

    private final OrderDesk orders;
    private final RefundRule rule;
    private final RefundTexts refundTexts;
    private final RefundEstimates estimates;
    private final SupportDesk support;
    private final Replier replier;
    private final Texts texts;

    public RefundCalculatorHandler(OrderDesk orders, RefundPolicy policy, RefundTexts refundTexts, RefundEstimates estimates,
                                   SupportDesk support, Replier replier, Texts texts) {
        this.orders = orders;
        this.rule = policy.rule();
        this.refundTexts = refundTexts;
        this.estimates = estimates;
        this.support = support;
        this.replier = replier;
        this.texts = texts;
    }

    @Override
    public void routes(Routes routes) {
        routes.command("/refund", this::list)
                .button(RefundOrders.class, (in, button) -> list(in))
                .button(EstimateFor.class, this::askUsage)
                .text(Awaiting.REFUND_USAGE, this::usageTyped)
                .button(SendEstimate.class, this::send);
    }

    private void list(Interaction in) {
        Locale locale = in.locale();
        List<Order> paid = orders.refundable(in.userId(), ORDERS_LISTED);
        Buttons keyboard = Buttons.keyboard();
        for (Order order : paid) {
            keyboard.row(button(texts.get(locale, "refund.order.line", order.id(), order.productName(), Rupiah.format(order.total())),
                    new EstimateFor(order.id())));
        }
        keyboard.row(button(texts.get(locale, "nav.menu"), new MainMenu()));
        replier.show(in, new Screen(texts.get(locale, paid.isEmpty() ? "refund.none" : "refund.pick", rule.periodDays()),
                keyboard.build()));
    }

    /** The customer's own order with money taken and none refunded yet; anything else is a stale button. */
    private Optional<Order> own(Interaction in, String orderId) {
        Optional<Order> order = orders.find(orderId).filter(o -> o.userId() == in.userId() && o.refundable());
        if (order.isEmpty()) {
            replier.staleButton(in);
            list(in);
        }
        return order;
    }

    private void askUsage(Interaction in, EstimateFor button) {
        own(in, button.orderId()).ifPresent(order -> {
            in.replaceSession(in.session().awaiting(Awaiting.REFUND_USAGE).with("order", order.id()));
            replier.show(in, usagePrompt(in.locale(), null, order));
        });
    }

    private Screen usagePrompt(Locale locale, String problem, Order order) {
        String prompt = texts.get(locale, "refund.usage.prompt", order.id(), order.productName(), Rupiah.format(order.total()),
                rule.periodDays());
        return new Screen(problem == null ? prompt : problem + "\n\n" + prompt,
                Buttons.keyboard().row(button(texts.get(locale, "nav.cancel"), new RefundOrders())).build());
    }

    private void usageTyped(Interaction in, String text) {
        Optional<Order> order = Optional.ofNullable(in.session().get("order")).flatMap(orders::find)
                .filter(o -> o.userId() == in.userId() && o.refundable());
        if (order.isEmpty()) {
            in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
            list(in);
            return;
        }
        Usage.Parsed parsed = Usage.parse(text, rule.periodDays());
        if (!parsed.ok()) {
            replier.show(in, usagePrompt(in.locale(), texts.get(in.locale(), parsed.errorKey(), rule.periodDays()), order.get()));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        Estimate estimate = rule.estimate(order.get().total(), parsed.usage());
        replier.show(in, new Screen(texts.get(in.locale(), "refund.estimate", order.get().id(), refundTexts.explain(in.locale(), estimate)),
                Buttons.keyboard()
                        .row(button(texts.get(in.locale(), "refund.send"), new SendEstimate(order.get().id(),
                                estimate.usage().daysUsed(), estimate.usage().claims())))
                        .row(button(texts.get(in.locale(), "refund.other"), new RefundOrders()),
                                button(texts.get(in.locale(), "nav.menu"), new MainMenu()))
                        .build()));
    }

    /** One tap: a support thread with the estimate and a button that opens the order for the operator. */
    private void send(Interaction in, SendEstimate button) {
        Usage.Parsed usage = Usage.parse(button.daysUsed() + " " + button.claims(), rule.periodDays());
        if (!usage.ok()) {
            replier.staleButton(in);
            return;
        }
        own(in, button.orderId()).ifPresent(order -> {
            if (!support.staffed()) {
                replier.show(in, Screen.of(texts.get(in.locale(), "refund.nosupport")));
                return;
            }
            Estimate estimate = rule.estimate(order.total(), usage.usage());
            estimates.save(order.id(), usage.usage());
            support.open(in, texts.get(Texts.INDONESIAN, "refund.support", order.id(), order.productName(),
                    refundTexts.explain(Texts.INDONESIAN, estimate)),
                    List.of(button(texts.get(Texts.INDONESIAN, "admin.order.open", order.id()), new OrderCard(order.id()))));
            replier.show(in, new Screen(texts.get(in.locale(), "refund.sent", Rupiah.format(estimate.amount())),
                    Buttons.keyboard().row(button(texts.get(in.locale(), "nav.menu"), new MainMenu())).build()));
        });
    }
}
