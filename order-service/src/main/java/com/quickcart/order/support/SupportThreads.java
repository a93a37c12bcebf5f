package com.quickcart.order.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** Remembers which user each message forwarded to the admins came from. */
@Repository
public class SupportThreads {

    private final JdbcClient jdbc;

    public SupportThreads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long open(long userId) {
        return jdbc.sql("INSERT INTO support_threads (user_id) VALUES (:userId) RETURNING id")
                .param("userId", userId).query(Long.class).single();
    }

    public Optional<Long> userOf(long threadId) {
        return jdbc.sql("SELECT user_id FROM support_threads WHERE id = :id").param("id", threadId).query(Long.class).optional();
    }
}
