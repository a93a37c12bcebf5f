package com.quickcart.order.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The users table: who a chat belongs to and the language they read. */
@Repository
public class UserAccounts {

    private final JdbcClient jdbc;

    public UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a user seen on Telegram; returns true when this is their first visit. */
    public boolean register(long userId, String firstName, String username, String language) {
        int inserted = jdbc.sql("""
                        INSERT INTO users (telegram_id, first_name, username, language)
                        VALUES (:id, :firstName, :username, :language)
                        ON CONFLICT (telegram_id) DO NOTHING
                        """)
                .param("id", userId)
                .param("firstName", firstName)
                .param("username", username)
                .param("language", language)
                .update();
        if (inserted == 0) {
            jdbc.sql("UPDATE users SET first_name = :firstName, username = :username WHERE telegram_id = :id")
                    .param("id", userId)
                    .param("firstName", firstName)
                    .param("username", username)
                    .update();
        }
        return inserted == 1;
    }

    public Optional<String> language(long userId) {
        return jdbc.sql("SELECT language FROM users WHERE telegram_id = :id").param("id", userId)
                .query(String.class).optional();
    }
}
