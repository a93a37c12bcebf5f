package com.quickcart.order.operator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The staff table: who besides the owners may operate the store, and with which permissions. */
@Repository
public class Staff {

    private final JdbcClient jdbc;

    public Staff(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Set<Permission>> permissionsOf(long userId) {
        return jdbc.sql("SELECT permissions FROM staff WHERE user_id = :user").param("user", userId)
                .query((rs, n) -> parse(rs.getString("permissions"))).optional();
    }

    /** Adds the user as staff with no permission yet; false when they already are. */
    public boolean add(long userId, long by) {
        return jdbc.sql("INSERT INTO staff (user_id, permissions, granted_by) VALUES (:user, '', :by) ON CONFLICT DO NOTHING")
                .param("user", userId).param("by", by).update() == 1;
    }

    public void setPermissions(long userId, Set<Permission> permissions, long by) {
        jdbc.sql("UPDATE staff SET permissions = :permissions, granted_by = :by, granted_at = now() WHERE user_id = :user")
                .param("permissions", String.join(",", permissions.stream().map(Enum::name).sorted().toList()))
                .param("by", by).param("user", userId).update();
    }

    public boolean remove(long userId) {
        return jdbc.sql("DELETE FROM staff WHERE user_id = :user").param("user", userId).update() == 1;
    }

    public List<Long> all() {
        return jdbc.sql("SELECT user_id FROM staff ORDER BY granted_at, user_id").query(Long.class).list();
    }

    private static Set<Permission> parse(String stored) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).forEach(s -> permissions.add(Permission.valueOf(s)));
        return permissions;
    }
}
