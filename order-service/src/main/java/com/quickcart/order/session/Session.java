package com.quickcart.order.session;

import java.util.HashMap;
import java.util.Map;

/**
 * What order-service remembers about a user between updates: only hints, never a lock. Any
 * command or button works whatever is in here; {@code awaiting} only says how to read the
 * user's next free text.
 */
public record Session(Awaiting awaiting, Map<String, String> data) {

    public static final Session EMPTY = new Session(Awaiting.NOTHING, Map.of());

    public Session {
        data = Map.copyOf(data);
    }

    public Session awaiting(Awaiting next) {
        return new Session(next, data);
    }

    public Session with(String key, String value) {
        Map<String, String> copy = new HashMap<>(data);
        copy.put(key, value);
        return new Session(awaiting, copy);
    }

    public String get(String key) {
        return data.get(key);
    }

    /** The hash fields as stored: one field per entry plus the awaited input. */
    public Map<String, String> toFields() {
        Map<String, String> fields = new HashMap<>(data);
        fields.put("awaiting", awaiting.name());
        return fields;
    }

    public static Session fromFields(Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            return EMPTY;
        }
        Map<String, String> data = new HashMap<>(fields);
        String awaiting = data.remove("awaiting");
        return new Session(Awaiting.parse(awaiting), data);
    }

    /** The kind of free text the user was last asked for. */
    public enum Awaiting {
        NOTHING, NAME, WHATSAPP, EMAIL, EDIT_NAME, EDIT_WHATSAPP, EDIT_EMAIL, CONTACT_ADMIN, SUPPORT_REPLY, VOUCHER, DEPOSIT_AMOUNT,
        ADMIN_STAFF_ID, ADMIN_CATEGORY_NAME, ADMIN_PRODUCT, ADMIN_PRICE, ADMIN_CUSTOMER_QUERY, ADMIN_VOUCHER, ADMIN_ADJUST,
        ADMIN_AUDIT_FILTER, ADMIN_ORDER_ID, ADMIN_REFUND, ADMIN_REFUND_USAGE, REFUND_USAGE,
        ADMIN_STOCK_UPLOAD, ADMIN_STOCK_WITHDRAW, ADMIN_STOCK_THRESHOLD,
        BROADCAST_MESSAGE, BROADCAST_LINK;

        static Awaiting parse(String value) {
            if (value == null) {
                return NOTHING;
            }
            try {
                return valueOf(value);
            } catch (IllegalArgumentException unknown) {
                // A session written by a newer version: forget the hint rather than fail the update.
                return NOTHING;
            }
        }
    }
}
