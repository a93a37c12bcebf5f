package com.quickcart.order.operator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every operator action in order-service: who, when, what, on which subject, before and after.
 * Rows are appended in the same transaction as the change they describe, and the database
 * refuses to update or delete them (a trigger, like the wallet ledger's). Every feature with an
 * admin screen records here; the table itself ({@link AuditLog}) is the operator feature's.
 */
public interface AuditTrail {

    void record(long actor, String action, String subject, Map<String, ?> before, Map<String, ?> after);

    /**
     * Newest first: one page of the trail, operator actions and money movements together.
     * {@code who} 0 is everyone; otherwise the entries where that user acted, was acted upon, or
     * whose balance moved.
     */
    List<Entry> page(long who, int page, int size);

    long count(long who);

    /** One line of the trail; {@code actor} is an operator's Telegram id, or {@code ledger} for a money movement. */
    record Entry(Instant at, String actor, String action, String subject, String before, String after) {
    }
}
