package com.quickcart.order.broadcast;

/**
 * Who a broadcast goes to. {@code param} is the product or category id, or the number of days;
 * 0 for the audiences that take none. Banned users and users Telegram said are unreachable are
 * never in any audience.
 */
public enum Audience {
    EVERYONE("TRUE"),
    CUSTOMERS("u.role = 'customer'"),
    RESELLERS("u.role = 'reseller'"),
    PRODUCT("EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.telegram_id AND o.product_id = :param"
            + " AND o.status IN ('PAID', 'COMPLETED'))"),
    CATEGORY("EXISTS (SELECT 1 FROM orders o JOIN products p ON p.id = o.product_id WHERE o.user_id = u.telegram_id"
            + " AND p.category_id = :param AND o.status IN ('PAID', 'COMPLETED'))"),
    ACTIVE("u.last_seen_at > now() - make_interval(days => CAST(:param AS int))");

    /** The days an operator may pick for ACTIVE. */
    public static final int[] ACTIVE_DAYS = {1, 7, 30, 90};

    private final String condition;

    Audience(String condition) {
        this.condition = condition;
    }

    /** The SQL condition on {@code users u} (fixed text, never from input; the param is bound). */
    String condition() {
        return condition;
    }

    boolean takesParam() {
        return this == PRODUCT || this == CATEGORY || this == ACTIVE;
    }
}
