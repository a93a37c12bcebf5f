package com.quickcart.e2e.saga;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What must hold once a checkout story has settled, read from each service's own tables and
 * from every record that crossed the broker (none may hold goods in clear). The
 * messages name orders and counts, never goods: a failing check must not print a secret.
 */
final class SagaInvariants {

    private static final Set<String> TERMINAL = Set.of("COMPLETED", "CANCELLED", "EXPIRED", "REFUNDED");

    static Optional<String> check(SagaWorld world, long product, int stock, List<Long> buyers) {
        List<String> broken = new ArrayList<>();
        long inClear = world.published.stream().filter(record -> record.contains(SagaWorld.Goods.MARK)).count();
        if (inClear > 0) {
            broken.add(inClear + " outbox rows or topic records hold goods in clear");
        }
        if (!world.deadLetters.isEmpty()) {
            broken.add("dead letters: " + world.deadLetters);
        }
        int deliveredUnits = 0;
        List<Map<String, Object>> orders = world.orderDb().sql("SELECT id, status, total, quantity FROM orders WHERE product_id = :p")
                .param("p", product).query().listOfRows();
        for (Map<String, Object> order : orders) {
            String id = (String) order.get("id");
            String status = (String) order.get("status");
            long total = ((Number) order.get("total")).longValue();
            if (!TERMINAL.contains(status)) {
                broken.add(id + " never ended: " + status);
            }
            Optional<String> payment = world.paymentDb().sql("SELECT status FROM payments WHERE id = :id").param("id", id)
                    .query(String.class).optional();
            boolean moneyIn = payment.filter(s -> s.equals("PAID") || s.equals("REFUNDED")).isPresent();
            boolean delivered = world.deliveryDb().sql("SELECT count(*) FROM reservations WHERE order_id = :id AND status = 'DELIVERED'")
                    .param("id", id).query(Long.class).single() == 1;
            long refunds = world.paymentDb().sql("SELECT count(*) FROM wallet_ledger WHERE entry_type = 'REFUND' AND reference = :id")
                    .param("id", id).query(Long.class).single();
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
        Map<String, Long> items = new java.util.HashMap<>();
        world.deliveryDb().sql("SELECT status, count(*) AS n FROM inventory_items WHERE product_id = :p GROUP BY status")
                .param("p", product).query((rs, n) -> items.put(rs.getString("status"), rs.getLong("n"))).list();
        long all = items.values().stream().mapToLong(Long::longValue).sum();
        if (all != stock || items.getOrDefault("RESERVED", 0L) != 0 || items.getOrDefault("DELIVERED", 0L) != deliveredUnits) {
            broken.add("stock not conserved: started with " + stock + ", now " + items + ", units of completed orders " + deliveredUnits);
        }
        for (long buyer : buyers) {
            long balance = world.paymentDb().sql("SELECT COALESCE((SELECT balance FROM wallet_balances WHERE user_id = :u), 0)")
                    .param("u", buyer).query(Long.class).single();
            long ledger = world.paymentDb().sql("SELECT COALESCE(sum(amount), 0) FROM wallet_ledger WHERE user_id = :u")
                    .param("u", buyer).query(Long.class).single();
            if (balance != ledger || balance < 0) {
                broken.add("buyer " + buyer + " balance " + balance + " but ledger sums to " + ledger);
            }
        }
        return broken.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", broken));
    }

    private SagaInvariants() {
    }
}
