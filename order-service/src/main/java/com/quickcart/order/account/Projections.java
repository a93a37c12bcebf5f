package com.quickcart.order.account;

import com.quickcart.common.events.delivery.StockLevelChanged;
import com.quickcart.common.events.payment.BalanceChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * Read models of other services' facts, for display only: a product's stock (delivery-service
 * decides reservations) and a user's balance and transactions (payment-service holds the money).
 * Written by the saga listener straight from the events; the history screen reads the
 * transactions through {@link WalletStatement}.
 */
@Repository
public class Projections implements WalletStatement {

    private final JdbcClient jdbc;

    public Projections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void stockLevel(StockLevelChanged event) {
        // Products only the inventory knows (not in the catalogue) are ignored by the join.
        jdbc.sql("""
                        INSERT INTO product_stock (product_id, available, updated_at)
                        SELECT id, :available, now() FROM products WHERE id = :product
                        ON CONFLICT (product_id) DO UPDATE SET available = EXCLUDED.available, updated_at = now()
                        """)
                .param("product", event.productId()).param("available", event.available()).update();
    }

    public void balance(BalanceChanged event) {
        // Entries of one user arrive in order (keyed by user), but keep the newest one if they ever do not.
        jdbc.sql("""
                        INSERT INTO balance_projection (user_id, balance, last_entry_id, updated_at)
                        VALUES (:user, :balance, :entry, now())
                        ON CONFLICT (user_id) DO UPDATE SET balance = EXCLUDED.balance, last_entry_id = EXCLUDED.last_entry_id,
                            updated_at = now()
                        WHERE balance_projection.last_entry_id < EXCLUDED.last_entry_id
                        """)
                .param("user", event.userId()).param("balance", event.balance()).param("entry", event.entryId()).update();
        jdbc.sql("""
                        INSERT INTO wallet_transactions (user_id, entry_id, entry_type, delta, balance, reference, at)
                        VALUES (:user, :entry, :type, :delta, :balance, :reference, :at)
                        ON CONFLICT DO NOTHING
                        """)
                .param("user", event.userId()).param("entry", event.entryId()).param("type", event.entryType())
                .param("delta", event.delta()).param("balance", event.balance()).param("reference", event.reference())
                .param("at", java.sql.Timestamp.from(event.at())).update();
    }

    @Override
    public long count(long userId) {
        return jdbc.sql("SELECT count(*) FROM wallet_transactions WHERE user_id = :user").param("user", userId)
                .query(Long.class).single();
    }

    @Override
    public List<Entry> page(long userId, int page, int size) {
        return jdbc.sql("""
                        SELECT entry_type, delta, balance, reference, at FROM wallet_transactions
                        WHERE user_id = :user ORDER BY entry_id DESC LIMIT :limit OFFSET :offset
                        """)
                .param("user", userId).param("limit", size).param("offset", page * size)
                .query((rs, n) -> new Entry(rs.getString("entry_type"), rs.getLong("delta"), rs.getLong("balance"),
                        rs.getString("reference"), rs.getTimestamp("at").toInstant()))
                .list();
    }
}
