package com.quickcart.delivery.fulfilment;

import java.util.EnumSet;
import java.util.Set;

/**
 * What delivery-service holds for an order, and where that may go. A reservation starts
 * {@link #RESERVED} (the whole quantity claimed) or {@link #REJECTED} (not enough stock); a guarded
 * move that names a step not in this table is a programming error and fails before any SQL.
 *
 * <pre>
 * RESERVED ──OrderPaid──▶ DELIVERED
 *    └─────OrderCancelled──▶ RELEASED
 * REJECTED (final)
 * </pre>
 */
public enum ReservationStatus {
    RESERVED, REJECTED, DELIVERED, RELEASED;

    static {
        RESERVED.next = EnumSet.of(DELIVERED, RELEASED);
        REJECTED.next = EnumSet.noneOf(ReservationStatus.class);
        DELIVERED.next = EnumSet.noneOf(ReservationStatus.class);
        RELEASED.next = EnumSet.noneOf(ReservationStatus.class);
    }

    private Set<ReservationStatus> next;

    public boolean canMoveTo(ReservationStatus to) {
        return next.contains(to);
    }

    /** Where a reservation may start: the order's stock was either claimed whole or refused. */
    public boolean initial() {
        return this == RESERVED || this == REJECTED;
    }
}
