package com.quickcart.order.operator;

import com.quickcart.common.messaging.EventCodec;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;

/** The audit_log table behind {@link AuditTrail}: append and read, nothing else (a trigger refuses the rest). */
@Repository
class AuditLog implements AuditTrail {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(long actor, String action, String subject, Map<String, ?> before, Map<String, ?> after) {
        jdbc.sql("""
                        INSERT INTO audit_log (actor, action, subject, before, after)
                        VALUES (:actor, :action, :subject, CAST(:before AS jsonb), CAST(:after AS jsonb))""")
                .param("actor", actor).param("action", action).param("subject", subject)
                .param("before", json(before)).param("after", json(after)).update();
    }

    @Override
    public List<Entry> page(long who, int page, int size) {
        return jdbc.sql(TRAIL + " ORDER BY at DESC, seq DESC LIMIT :limit OFFSET :offset")
                .param("who", who).param("subject", "user:" + who).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("before"), rs.getString("after")))
                .list();
    }

    @Override
    public long count(long who) {
        return jdbc.sql("SELECT count(*) FROM (" + TRAIL + ") t").param("who", who).param("subject", "user:" + who)
                .query(Long.class).single();
    }

    /**
     * The trail is assembled, not copied: operator actions are order-service's own append-only
     * {@code audit_log}; money movements are payment-service's append-only ledger as order-service
     * receives it ({@code wallet_transactions}, the read model projected from BalanceChanged).
     * Neither service writes the other's table, and both sources refuse UPDATE and DELETE where
     * they are owned.
     */
    private static final String TRAIL = """
            SELECT at, seq, actor, action, subject, before, after FROM (
              SELECT at, id AS seq, actor::text AS actor, action, subject,
                     COALESCE(before::text, '-') AS before, COALESCE(after::text, '-') AS after
              FROM audit_log WHERE :who = 0 OR actor = :who OR subject = :subject
              UNION ALL
              SELECT at, entry_id AS seq, 'ledger' AS actor, 'money.' || lower(entry_type) AS action, 'user:' || user_id AS subject,
                     (balance - delta)::text AS before, balance::text || ' (' || reference || ')' AS after
              FROM wallet_transactions WHERE :who = 0 OR user_id = :who
            ) trail""";

    private static String json(Map<String, ?> values) {
        if (values == null) {
            return null;
        }
        try {
            return EventCodec.mapper().writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit values must be JSON", e);
        }
    }
}
