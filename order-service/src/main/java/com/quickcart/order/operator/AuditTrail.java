package com.quickcart.order.operator;

import com.quickcart.common.messaging.EventCodec;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every operator action in order-service: who, when, what, on which subject, before and after.
 * Rows are appended in the same transaction as the change they describe, and the database
 * refuses to update or delete them (a trigger, like the wallet ledger's).
 */
@Repository
public class AuditTrail {

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long actor, String action, String subject, Map<String, ?> before, Map<String, ?> after) {
        jdbc.sql("""
                        INSERT INTO audit_log (actor, action, subject, before, after)
                        VALUES (:actor, :action, :subject, CAST(:before AS jsonb), CAST(:after AS jsonb))""")
                .param("actor", actor).param("action", action).param("subject", subject)
                .param("before", json(before)).param("after", json(after)).update();
    }

    /** Newest first: one page of entries, each as its time, actor, action, subject and change. */
    public List<Entry> page(int page, int size) {
        return jdbc.sql("""
                        SELECT at, actor, action, subject, COALESCE(before::text, '-') AS before, COALESCE(after::text, '-') AS after
                        FROM audit_log ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("limit", size).param("offset", page * size)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getLong("actor"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("before"), rs.getString("after")))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
    }

    public record Entry(Instant at, long actor, String action, String subject, String before, String after) {
    }

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
