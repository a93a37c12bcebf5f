package com.quickcart.testsupport;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What must hold for a product's orders once the checkout saga has settled, read from each
 * service's own tables: every order ended; money taken matches goods delivered or refunded
 * (never both, never neither); no goods without payment; stock conserved; and each buyer's
 * balance equals their ledger. Shared by the saga's interleaving tests and the fault-injection
 * suite. The messages name orders and counts, never goods: a failing check must not print a secret.
 */
public final class CheckoutInvariants {

    public static final Set<String> TERMINAL = Set.of("COMPLETED", "CANCELLED", "EXPIRED", "REFUNDED");

    /** The three services' databases, each through its own schema. */
    public record Stores(JdbcClient orders, JdbcClient payments, JdbcClient deliveries) {
    }

    /** Everything broken about {@code product}'s orders, which began with {@code stock} items, and about {@code buyers}' money. */
    public static List<String> check(Stores stores, long product, long stock, Collection<Long> buyers) {
        List<String> broken = new ArrayList<>();
        int deliveredUnits = 0;
        List<Map<String, Object>> orders = stores.orders().sql("SELECT id, status, total, quantity FROM orders WHERE product_id = :p")
                .param("p", product).query().listOfRows();
        for (Map<String, Object> order : orders) {
            String id = (String) order.get("id");
            String status = (String) order.get("status");
            long total = ((Number) order.get("total")).longValue();
            if (!TERMINAL.contains(status)) {
                broken.add(id + " never ended: " + status);
            }
            Optional<String> payment = stores.payments().sql("SELECT status FROM payments WHERE id = :id").param("id", id)
                    .query(String.class).optional();
            boolean moneyIn = payment.filter(s -> s.equals("PAID") || s.equals("REFUNDED")).isPresent();
            long deliveries = stores.deliveries().sql("SELECT count(*) FROM reservations WHERE order_id = :id AND status = 'DELIVERED'")
                    .param("id", id).query(Long.class).single();
            boolean delivered = deliveries == 1;
            long refunds = stores.payments().sql("SELECT count(*) FROM wallet_ledger WHERE entry_type = 'REFUND' AND reference = :id")
                    .param("id", id).query(Long.class).single();
            if (deliveries > 1) {
                broken.add(id + " delivered " + deliveries + " times");
            }
            if (moneyIn && delivered == (refunds == 1)) {
                broken.add(id + " took money (payment " + payment.get() + ") but delivered=" + delivered + " refunds=" + refunds);
            }
            if (!moneyIn && refunds > 0) {
                broken.add(id + " refunded money it never took");
            }
            if (!moneyIn && delivered && total > 0) {
                broken.add(id + " delivered goods without payment (payment " + payment.orElse("none") + ")");
            }
            if (delivered != status.equals("COMPLETED")) {
                broken.add(id + " is " + status + " but delivered=" + delivered);
            }
            if (delivered) {
                deliveredUnits += ((Number) order.get("quantity")).intValue();
            }
        }
        Map<String, Long> items = new HashMap<>();
        stores.deliveries().sql("SELECT status, count(*) AS n FROM inventory_items WHERE product_id = :p GROUP BY status")
                .param("p", product).query((rs, n) -> items.put(rs.getString("status"), rs.getLong("n"))).list();
        long all = items.values().stream().mapToLong(Long::longValue).sum();
        if (all != stock || items.getOrDefault("RESERVED", 0L) != 0 || items.getOrDefault("DELIVERED", 0L) != deliveredUnits) {
            broken.add("product " + product + " stock not conserved: started with " + stock + ", now " + items
                    + ", units of completed orders " + deliveredUnits);
        }
        broken.addAll(ledgersBalance(stores, buyers));
        return broken;
    }

    /** Each buyer's balance equals the sum of their ledger, and is never negative. */
    public static List<String> ledgersBalance(Stores stores, Collection<Long> buyers) {
        List<String> broken = new ArrayList<>();
        for (long buyer : buyers) {
            long balance = stores.payments().sql("SELECT COALESCE((SELECT balance FROM wallet_balances WHERE user_id = :u), 0)")
                    .param("u", buyer).query(Long.class).single();
            long ledger = stores.payments().sql("SELECT COALESCE(sum(amount), 0) FROM wallet_ledger WHERE user_id = :u")
                    .param("u", buyer).query(Long.class).single();
            if (balance != ledger || balance < 0) {
                broken.add("buyer " + buyer + " balance " + balance + " but ledger sums to " + ledger);
            }
        }
        return broken;
    }

    private CheckoutInvariants() {
    }
}
