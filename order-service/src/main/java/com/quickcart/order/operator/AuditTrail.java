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

    /** Newest first: one page of entries, each as its time, actor, action, subject and change. */
    List<Entry> page(int page, int size);

    long count();

    record Entry(Instant at, long actor, String action, String subject, String before, String after) {
    }
}
