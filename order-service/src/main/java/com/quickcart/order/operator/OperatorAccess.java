package com.quickcart.order.operator;

import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.config.StoreProperties;
import com.quickcart.order.menu.MenuScreens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Who may operate the store, checked on the server at every action with the permissions the
 * user has at that moment (a button drawn before a permission was taken away does nothing).
 * Operator routes declare their permission where they are registered, like AbilityBot's
 * privacy: {@code routes.button(NewCategory.class, access.requires(CATALOG, this::newCategory))}.
 * A refusal looks exactly like a stale button or an unknown command, so it reveals nothing.
 */
@Component
public class OperatorAccess {

    private static final Logger log = LoggerFactory.getLogger(OperatorAccess.class);

    private final StoreProperties store;
    private final Staff staff;
    private final Replier replier;
    private final MenuScreens menu;

    public OperatorAccess(StoreProperties store, Staff staff, Replier replier, MenuScreens menu) {
        this.menu = menu;
        this.store = store;
        this.staff = staff;
        this.replier = replier;
    }

    public boolean isOwner(long userId) {
        return store.isAdmin(userId);
    }

    public Set<Permission> permissionsOf(long userId) {
        return isOwner(userId) ? EnumSet.allOf(Permission.class) : staff.permissionsOf(userId).orElse(EnumSet.noneOf(Permission.class));
    }

    public boolean isOperator(long userId) {
        return isOwner(userId) || staff.permissionsOf(userId).isPresent();
    }

    public boolean has(long userId, Permission permission) {
        return permissionsOf(userId).contains(permission);
    }

    public <T> BiConsumer<Interaction, T> requires(Permission permission, BiConsumer<Interaction, T> action) {
        return (in, input) -> {
            if (has(in.userId(), permission)) {
                action.accept(in, input);
            } else {
                refuse(in, permission.name());
            }
        };
    }

    /** For a screen several permissions need to reach (an order is looked up by support and by finance). */
    public <T> BiConsumer<Interaction, T> requiresAny(Set<Permission> permissions, BiConsumer<Interaction, T> action) {
        return (in, input) -> {
            if (permissionsOf(in.userId()).stream().anyMatch(permissions::contains)) {
                action.accept(in, input);
            } else {
                refuse(in, permissions.toString());
            }
        };
    }

    public <T> BiConsumer<Interaction, T> ownerOnly(BiConsumer<Interaction, T> action) {
        return (in, input) -> {
            if (isOwner(in.userId())) {
                action.accept(in, input);
            } else {
                refuse(in, "OWNER");
            }
        };
    }

    /** A tap gets the stale-button notice; a typed command or text the same hint as anything not understood. */
    private void refuse(Interaction in, String needed) {
        log.warn("operator action refused user_id={} needs={}", in.userId(), needed);
        if (in.isButtonTap()) {
            replier.staleButton(in);
        } else {
            replier.show(in, menu.hint(in.locale()));
        }
    }
}
