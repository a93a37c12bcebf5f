package com.quickcart.order.account;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.payment.BalanceAdjustmentRequested;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.order.account.CustomerAdminButtons.AdjustBalance;
import com.quickcart.order.account.CustomerAdminButtons.Ban;
import com.quickcart.order.account.CustomerAdminButtons.CustomerCard;
import com.quickcart.order.account.CustomerAdminButtons.FindCustomer;
import com.quickcart.order.account.CustomerAdminButtons.SetRole;
import com.quickcart.order.account.CustomerAdminButtons.Unban;
import com.quickcart.order.account.UserAccounts.UserProfile;
import com.quickcart.order.account.UserAccounts.UserProfile.Role;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.checkout.OrderIds;
import com.quickcart.order.operator.AuditTrail;
import com.quickcart.order.operator.OperatorAccess;
import com.quickcart.order.operator.OperatorButtons.OperatorMenu;
import com.quickcart.order.session.Session.Awaiting;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static com.quickcart.order.bot.Buttons.button;
import static com.quickcart.order.operator.Permission.CUSTOMERS;
import static com.quickcart.order.operator.Permission.FINANCE;

/**
 * Customers from the operator's chat (CUSTOMERS permission): find by Telegram id or @username,
 * see profile, role, balance and order count, make a reseller or a customer again, ban and
 * unban. Owners cannot be banned. FINANCE adds balance corrections, which payment-service
 * applies to its ledger. Every change is audited.
 */
@Component
public class CustomerAdminHandler implements Feature {

    private final UserAccounts users;
    private final OperatorAccess access;
    private final AuditTrail audit;
    private final Replier replier;
    private final Texts texts;
    private final Outbox outbox;
    private final EventCodec codec;

    public CustomerAdminHandler(UserAccounts users, OperatorAccess access, AuditTrail audit, Replier replier, Texts texts,
                                Outbox outbox, EventCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
        this.users = users;
        this.access = access;
        this.audit = audit;
        this.replier = replier;
        this.texts = texts;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(FindCustomer.class, access.requires(CUSTOMERS, (in, button) -> ask(in, null)))
                .button(CustomerCard.class, access.requires(CUSTOMERS, this::card))
                .button(SetRole.class, access.requires(CUSTOMERS, this::setRole))
                .button(Ban.class, access.requires(CUSTOMERS, (in, button) -> setBanned(in, button.userId(), true)))
                .button(Unban.class, access.requires(CUSTOMERS, (in, button) -> setBanned(in, button.userId(), false)))
                .text(Awaiting.ADMIN_CUSTOMER_QUERY, access.requires(CUSTOMERS, this::queryTyped))
                .button(AdjustBalance.class, access.requires(FINANCE, this::askAdjustment))
                .text(Awaiting.ADMIN_ADJUST, access.requires(FINANCE, this::adjustmentTyped));
    }

    private void ask(Interaction in, String errorKey) {
        in.replaceSession(in.session().awaiting(Awaiting.ADMIN_CUSTOMER_QUERY));
        String prompt = texts.get(in.locale(), "admin.customer.prompt");
        replier.show(in, new Screen(texts.prompt(in.locale(), errorKey, prompt),
                Buttons.keyboard().row(button(texts.get(in.locale(), "nav.back"), new OperatorMenu())).build()));
    }

    private void queryTyped(Interaction in, String text) {
        String query = text.strip();
        Optional<Long> found = query.matches("\\d{1,15}") ? Optional.of(Long.parseLong(query)).filter(id -> users.find(id).isPresent())
                : users.findByUsername(query.startsWith("@") ? query.substring(1) : query);
        if (found.isEmpty()) {
            ask(in, "admin.customer.unknown");
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        card(in, new CustomerCard(found.get()));
    }

    private void card(Interaction in, CustomerCard button) {
        Optional<UserProfile> found = users.find(button.userId());
        if (found.isEmpty()) {
            replier.staleButton(in);
            return;
        }
        UserProfile user = found.get();
        Locale locale = in.locale();
        boolean banned = users.isBanned(user.id());
        Buttons keyboard = Buttons.keyboard();
        keyboard.row(user.role() == Role.RESELLER
                ? button(texts.get(locale, "admin.customer.make.customer"), new SetRole(user.id(), Role.CUSTOMER))
                : button(texts.get(locale, "admin.customer.make.reseller"), new SetRole(user.id(), Role.RESELLER)));
        if (access.has(in.userId(), FINANCE)) {
            keyboard.row(button(texts.get(locale, "admin.adjust"), new AdjustBalance(user.id())));
        }
        if (!access.isOwner(user.id())) {
            keyboard.row(banned ? button(texts.get(locale, "admin.customer.unban"), new Unban(user.id()))
                    : button(texts.get(locale, "admin.customer.ban"), new Ban(user.id())));
        }
        keyboard.row(button(texts.get(locale, "admin.customer.another"), new FindCustomer()),
                button(texts.get(locale, "nav.back"), new OperatorMenu()));
        replier.show(in, new Screen(texts.get(locale, "admin.customer.card", Long.toString(user.id()),
                user.username() == null ? "-" : "@" + user.username(), user.firstName() == null ? "-" : user.firstName(),
                texts.get(locale, "role." + user.role().name().toLowerCase(Locale.ROOT)), Rupiah.format(user.balance()),
                Long.toString(user.ordersCount()), texts.get(locale, banned ? "admin.customer.banned" : "admin.customer.active")),
                keyboard.build()));
    }

    private void askAdjustment(Interaction in, AdjustBalance button) {
        if (users.find(button.userId()).isEmpty()) {
            replier.staleButton(in);
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.ADMIN_ADJUST).with("user", Long.toString(button.userId())));
        replier.show(in, adjustPrompt(in.locale(), null, button.userId()));
    }

    /**
     * Sends the correction to payment-service, the only holder of money; the customer and the
     * operator hear the outcome when its answer (BalanceAdjusted or ...Refused) comes back.
     */
    private void adjustmentTyped(Interaction in, String text) {
        long userId = Long.parseLong(in.session().get("user"));
        BalanceAdjustment.Result result = BalanceAdjustment.parse(text);
        if (!result.ok()) {
            replier.show(in, adjustPrompt(in.locale(), result.errorKey(), userId));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        BalanceAdjustment adjustment = result.adjustment();
        String adjustmentId = OrderIds.next("AJ");
        outbox.append(Topics.PAYMENT_COMMANDS, codec.wrap(Long.toString(userId), new BalanceAdjustmentRequested(adjustmentId, userId,
                adjustment.delta(), adjustment.reason(), in.userId())));
        audit.record(in.userId(), "balance.adjust", "user:" + userId,
                Map.of("balance", users.find(userId).map(UserProfile::balance).orElse(0L)),
                Map.of("delta", adjustment.delta(), "reason", adjustment.reason(), "adjustment", adjustmentId));
        replier.show(in, Screen.of(texts.get(in.locale(), "admin.adjust.sent", signed(adjustment.delta()), Long.toString(userId))));
    }

    private Screen adjustPrompt(Locale locale, String errorKey, long userId) {
        String prompt = texts.get(locale, "admin.adjust.prompt");
        return new Screen(texts.prompt(locale, errorKey, prompt),
                Buttons.keyboard().row(button(texts.get(locale, "nav.cancel"), new CustomerCard(userId))).build());
    }

    static String signed(long delta) {
        return (delta > 0 ? "+" : "\u2212") + Rupiah.format(Math.abs(delta));
    }

    private void setRole(Interaction in, SetRole button) {
        Optional<UserProfile> user = users.find(button.userId());
        if (user.isPresent() && button.role() != Role.ADMIN && user.get().role() != button.role()) {
            users.setRole(button.userId(), button.role());
            audit.record(in.userId(), "customer.role", "user:" + button.userId(), Map.of("role", user.get().role().name()),
                    Map.of("role", button.role().name()));
        }
        card(in, new CustomerCard(button.userId()));
    }

    private void setBanned(Interaction in, long userId, boolean banned) {
        if (access.isOwner(userId) || users.find(userId).isEmpty()) {
            replier.staleButton(in);
            return;
        }
        if (users.setBanned(userId, banned)) {
            audit.record(in.userId(), banned ? "customer.ban" : "customer.unban", "user:" + userId, Map.of("banned", !banned),
                    Map.of("banned", banned));
        }
        card(in, new CustomerCard(userId));
    }
}
