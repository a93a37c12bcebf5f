package com.quickcart.order.operator;

import com.quickcart.common.messaging.EventCodec;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;

/** The audit_log table behind {@link AuditTrail}: append and page, nothing else (a trigger refuses the rest). */
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
    public List<Entry> page(int page, int size) {
        return jdbc.sql("""
                        SELECT at, actor, action, subject, COALESCE(before::text, '-') AS before, COALESCE(after::text, '-') AS after
                        FROM audit_log ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("limit", size).param("offset", page * size)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getLong("actor"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("before"), rs.getString("after")))
                .list();
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
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
