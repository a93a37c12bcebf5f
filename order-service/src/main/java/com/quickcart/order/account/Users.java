package com.quickcart.order.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The users table: who a chat belongs to, their profile and the language they read. */
@Repository
class Users implements UserAccounts {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
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
            jdbc.sql("UPDATE users SET first_name = :firstName, username = :username, last_seen_at = now(), unreachable = false WHERE telegram_id = :id")
                    .param("id", userId)
                    .param("firstName", firstName)
                    .param("username", username)
                    .update();
        }
        return inserted == 1;
    }

    @Override
    public Optional<Long> findByUsername(String username) {
        if (username == null || !username.matches("[A-Za-z0-9_]{4,32}")) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT telegram_id FROM users WHERE lower(username) = lower(:username)")
                .param("username", username).query(Long.class).optional();
    }

    @Override
    public Optional<UserProfile> find(long userId) {
        return jdbc.sql("""
                        SELECT u.telegram_id, u.first_name, u.username, u.display_name, u.whatsapp, u.email, u.role,
                               u.language, u.onboarding_done, u.created_at,
                               COALESCE(b.balance, 0) AS balance,
                               (SELECT count(*) FROM orders o WHERE o.user_id = u.telegram_id) AS orders_count
                        FROM users u LEFT JOIN balance_projection b ON b.user_id = u.telegram_id
                        WHERE u.telegram_id = :id
                        """)
                .param("id", userId)
                .query((rs, n) -> new UserProfile(rs.getLong("telegram_id"), rs.getString("first_name"),
                        rs.getString("username"), rs.getString("display_name"), rs.getString("whatsapp"),
                        rs.getString("email"), UserProfile.Role.valueOf(rs.getString("role").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("language"), rs.getBoolean("onboarding_done"),
                        rs.getTimestamp("created_at").toInstant(), rs.getLong("balance"), rs.getLong("orders_count")))
                .optional();
    }

    @Override
    public void updateField(long userId, ProfileField field, String value) {
        // The column comes from the enum, never from user input.
        jdbc.sql("UPDATE users SET " + field.column() + " = :value WHERE telegram_id = :id")
                .param("value", value)
                .param("id", userId)
                .update();
    }

    @Override
    public void completeOnboarding(long userId) {
        jdbc.sql("UPDATE users SET onboarding_done = true WHERE telegram_id = :id").param("id", userId).update();
    }

    @Override
    public void setLanguage(long userId, String language) {
        jdbc.sql("UPDATE users SET language = :language WHERE telegram_id = :id")
                .param("language", language).param("id", userId).update();
    }

    // Writing to the bot (register above) is being reachable again: a user who had blocked it has unblocked it.
    @Override
    public void markUnreachable(long userId) {
        jdbc.sql("UPDATE users SET unreachable = true WHERE telegram_id = :id").param("id", userId).update();
    }

    @Override
    public boolean isBanned(long userId) {
        return jdbc.sql("SELECT COALESCE((SELECT banned FROM users WHERE telegram_id = :id), false)").param("id", userId)
                .query(Boolean.class).single();
    }

    @Override
    public boolean setBanned(long userId, boolean banned) {
        return jdbc.sql("UPDATE users SET banned = :banned WHERE telegram_id = :id AND banned <> :banned")
                .param("banned", banned).param("id", userId).update() == 1;
    }

    @Override
    public void setRole(long userId, UserProfile.Role role) {
        jdbc.sql("UPDATE users SET role = :role WHERE telegram_id = :id")
                .param("role", role.name().toLowerCase(java.util.Locale.ROOT)).param("id", userId).update();
    }
}
