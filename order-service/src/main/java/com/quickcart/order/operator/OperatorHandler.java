package com.quickcart.order.operator;

import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.broadcast.BroadcastButtons.NewBroadcast;
import com.quickcart.order.catalog.CatalogAdminButtons.AdminCategories;
import com.quickcart.order.checkout.VoucherAdminButtons.VoucherList;
import com.quickcart.order.menu.MenuButtons.MainMenu;
import com.quickcart.order.menu.MenuScreens;
import com.quickcart.order.account.CustomerAdminButtons.FindCustomer;
import com.quickcart.order.operator.OperatorButtons.AddStaff;
import com.quickcart.order.operator.OperatorButtons.AuditPage;
import com.quickcart.order.operator.OperatorButtons.OperatorMenu;
import com.quickcart.order.operator.OperatorButtons.RemoveStaff;
import com.quickcart.order.operator.OperatorButtons.StaffList;
import com.quickcart.order.operator.OperatorButtons.StaffMember;
import com.quickcart.order.operator.OperatorButtons.TogglePermission;
import com.quickcart.order.orderdesk.OrderDeskButtons.FindOrder;
import com.quickcart.order.session.Session.Awaiting;
import com.quickcart.order.stats.StatsButtons.Stats;
import com.quickcart.order.stock.StockButtons.StockProducts;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.quickcart.order.bot.Buttons.button;

/**
 * {@code /admin}: the operator menu for owners and staff. For anyone else it answers exactly as
 * an unknown command does, so nobody learns that it exists. Owners manage staff here: add by
 * Telegram id or @username of someone who has used the bot, toggle each permission, remove.
 */
@Component
public class OperatorHandler implements Feature {

    private final OperatorAccess access;
    private final Staff staff;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final Replier replier;
    private final Texts texts;
    private final MenuScreens menu;

    public OperatorHandler(OperatorAccess access, Staff staff, UserAccounts users, AuditTrail audit, Replier replier,
                           Texts texts, MenuScreens menu) {
        this.access = access;
        this.staff = staff;
        this.users = users;
        this.audit = audit;
        this.replier = replier;
        this.texts = texts;
        this.menu = menu;
    }

    @Override
    public void routes(Routes routes) {
        routes.command("/admin", this::admin)
                .button(OperatorMenu.class, (in, button) -> admin(in))
                .button(StaffList.class, access.ownerOnly((in, button) -> staffList(in)))
                .button(AddStaff.class, access.ownerOnly((in, button) -> askStaff(in)))
                .button(StaffMember.class, access.ownerOnly(this::member))
                .button(TogglePermission.class, access.ownerOnly(this::toggle))
                .button(RemoveStaff.class, access.ownerOnly(this::remove))
                .text(Awaiting.ADMIN_STAFF_ID, access.ownerOnly(this::staffTyped));
    }

    public void admin(Interaction in) {
        if (!access.isOperator(in.userId())) {
            if (in.isButtonTap()) {
                replier.staleButton(in);
            }
            replier.show(in, menu.hint(in.locale()));
            return;
        }
        Locale locale = in.locale();
        Set<Permission> permissions = access.permissionsOf(in.userId());
        Buttons keyboard = Buttons.keyboard();
        if (permissions.contains(Permission.CATALOG)) {
            keyboard.row(button(texts.get(locale, "admin.catalog"), new AdminCategories()));
        }
        if (permissions.contains(Permission.STOCK)) {
            keyboard.row(button(texts.get(locale, "admin.stock"), new StockProducts(0)));
        }
        if (permissions.contains(Permission.VOUCHERS)) {
            keyboard.row(button(texts.get(locale, "admin.vouchers"), new VoucherList()));
        }
        if (permissions.contains(Permission.FINANCE)) {
            keyboard.row(button(texts.get(locale, "admin.stats"), new Stats(1)));
        }
        if (permissions.contains(Permission.SUPPORT) || permissions.contains(Permission.FINANCE)) {
            keyboard.row(button(texts.get(locale, "admin.orders"), new FindOrder()));
        }
        if (permissions.contains(Permission.CUSTOMERS)) {
            keyboard.row(button(texts.get(locale, "admin.customers"), new FindCustomer()));
        }
        if (permissions.contains(Permission.BROADCAST)) {
            keyboard.row(button(texts.get(locale, "admin.broadcast"), new NewBroadcast()));
        }
        if (access.isOwner(in.userId())) {
            keyboard.row(button(texts.get(locale, "admin.staff"), new StaffList()), button(texts.get(locale, "admin.audit"), new AuditPage(0, 0)));
        }
        keyboard.row(button(texts.get(locale, "nav.menu"), new MainMenu()));
        replier.show(in, new Screen(texts.get(locale, "admin.title", names(locale, permissions)), keyboard.build()));
    }

    private void staffList(Interaction in) {
        Locale locale = in.locale();
        Buttons keyboard = Buttons.keyboard();
        for (long member : staff.all()) {
            keyboard.row(button(label(member), new StaffMember(member)));
        }
        keyboard.row(button(texts.get(locale, "admin.staff.add"), new AddStaff()))
                .row(button(texts.get(locale, "nav.back"), new OperatorMenu()));
        replier.show(in, new Screen(texts.get(locale, staff.all().isEmpty() ? "admin.staff.none" : "admin.staff.title"), keyboard.build()));
    }

    private void askStaff(Interaction in) {
        in.replaceSession(in.session().awaiting(Awaiting.ADMIN_STAFF_ID));
        replier.show(in, new Screen(texts.get(in.locale(), "admin.staff.prompt"),
                Buttons.keyboard().row(button(texts.get(in.locale(), "nav.cancel"), new StaffList())).build()));
    }

    /** A Telegram id, or the @username of someone who has already used the bot. */
    private void staffTyped(Interaction in, String text) {
        Optional<Long> user = text.matches("\\d{1,15}") ? Optional.of(Long.parseLong(text))
                : users.findByUsername(text.startsWith("@") ? text.substring(1) : text);
        if (user.isEmpty() || user.get() <= 0) {
            replier.show(in, new Screen(texts.get(in.locale(), "admin.staff.unknown", text) + "\n\n" + texts.get(in.locale(), "admin.staff.prompt"),
                    Buttons.keyboard().row(button(texts.get(in.locale(), "nav.cancel"), new StaffList())).build()));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        if (access.isOwner(user.get()) || !staff.add(user.get(), in.userId())) {
            replier.show(in, Screen.of(texts.get(in.locale(), "admin.staff.already", label(user.get()))));
        } else {
            audit.record(in.userId(), "staff.add", "user:" + user.get(), null, Map.of("permissions", Set.of()));
        }
        member(in, new StaffMember(user.get()));
    }

    private void member(Interaction in, StaffMember button) {
        Optional<Set<Permission>> permissions = staff.permissionsOf(button.userId());
        if (permissions.isEmpty()) {
            replier.staleButton(in);
            staffList(in);
            return;
        }
        Locale locale = in.locale();
        Buttons keyboard = Buttons.keyboard();
        for (Permission permission : Permission.values()) {
            String mark = permissions.get().contains(permission) ? "\u2705 " : "\u25AB\uFE0F ";
            keyboard.row(button(mark + texts.get(locale, "permission." + permission.name()), new TogglePermission(button.userId(), permission)));
        }
        keyboard.row(button(texts.get(locale, "admin.staff.remove"), new RemoveStaff(button.userId())))
                .row(button(texts.get(locale, "nav.back"), new StaffList()));
        replier.show(in, new Screen(texts.get(locale, "admin.staff.member", label(button.userId()), names(locale, permissions.get())),
                keyboard.build()));
    }

    private void toggle(Interaction in, TogglePermission button) {
        Optional<Set<Permission>> before = staff.permissionsOf(button.userId());
        if (before.isEmpty()) {
            replier.staleButton(in);
            staffList(in);
            return;
        }
        Set<Permission> after = before.get().isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(before.get());
        if (!after.remove(button.permission())) {
            after.add(button.permission());
        }
        staff.setPermissions(button.userId(), after, in.userId());
        audit.record(in.userId(), "staff.permissions", "user:" + button.userId(), Map.of("permissions", before.get()),
                Map.of("permissions", after));
        member(in, new StaffMember(button.userId()));
    }

    private void remove(Interaction in, RemoveStaff button) {
        Optional<Set<Permission>> before = staff.permissionsOf(button.userId());
        if (before.isPresent() && staff.remove(button.userId())) {
            audit.record(in.userId(), "staff.remove", "user:" + button.userId(), Map.of("permissions", before.get()), null);
        }
        staffList(in);
    }

    private String label(long userId) {
        return users.find(userId).map(p -> (p.username() == null ? "" : "@" + p.username() + " ") + "(" + userId + ")")
                .orElse(Long.toString(userId));
    }

    private String names(Locale locale, Set<Permission> permissions) {
        return permissions.isEmpty() ? "-" : String.join(", ", permissions.stream().map(p -> texts.get(locale, "permission." + p.name())).toList());
    }
}
