package com.quickcart.order.stats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's figures, read from order-service's own tables and projections: orders and their
 * bills, the wallet transactions projected from payment-service's ledger, the balance and stock
 * projections. No other service's table is read.
 */
@Repository
public class SalesFigures {

    private final JdbcClient jdbc;

    public SalesFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Period period(Instant since) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql("SELECT status, count(*) AS n FROM orders WHERE created_at >= :since GROUP BY status ORDER BY status")
                .param("since", Timestamp.from(since))
                .query((rs, n) -> byStatus.put(rs.getString("status"), rs.getLong("n"))).list();
        // An order an operator refunded was a sale: its bill stays in gross and what went back is a refund.
        Map<String, Object> money = jdbc.sql("""
                        SELECT COALESCE(sum(COALESCE(total_bill, total)), 0) AS gross, COALESCE(sum(COALESCE(payment_fee, 0)), 0) AS fees,
                               COALESCE(sum(COALESCE(refunded_amount, 0)), 0) AS refunds
                        FROM orders WHERE (status = 'COMPLETED' OR (status = 'REFUNDED' AND refunded_by IS NOT NULL))
                          AND created_at >= :since""")
                .param("since", Timestamp.from(since)).query().singleRow();
        long deposits = jdbc.sql("SELECT COALESCE(sum(delta), 0) FROM wallet_transactions WHERE entry_type = 'DEPOSIT' AND at >= :since")
                .param("since", Timestamp.from(since)).query(Long.class).single();
        List<String> top = jdbc.sql("""
                        SELECT product_name || ' \u00D7' || sum(quantity) FROM orders
                        WHERE status = 'COMPLETED' AND created_at >= :since
                        GROUP BY product_name ORDER BY sum(quantity) DESC, product_name LIMIT 5""")
                .param("since", Timestamp.from(since)).query(String.class).list();
        long gross = ((Number) money.get("gross")).longValue();
        long fees = ((Number) money.get("fees")).longValue();
        long refunds = ((Number) money.get("refunds")).longValue();
        return new Period(byStatus, gross, fees, refunds, gross - fees - refunds, deposits, top);
    }

    /** What customers hold in their balances: money the store owes in goods. */
    public long outstandingBalances() {
        return jdbc.sql("SELECT COALESCE(sum(balance), 0) FROM balance_projection").query(Long.class).single();
    }

    public List<String> lowStock(int threshold) {
        return jdbc.sql("""
                        SELECT p.id || '. ' || p.name || ' (' || COALESCE(s.available, 0) || ')' FROM products p
                        LEFT JOIN product_stock s ON s.product_id = p.id
                        WHERE p.active AND COALESCE(s.available, 0) <= :threshold ORDER BY COALESCE(s.available, 0), p.id LIMIT 10""")
                .param("threshold", threshold).query(String.class).list();
    }

    /** Orders still waiting in a state that should have ended by {@code before}. */
    public long stuckSince(Instant before) {
        return jdbc.sql("""
                        SELECT count(*) FROM orders
                        WHERE status IN ('PENDING', 'AWAITING_PAYMENT', 'CANCEL_REQUESTED', 'PAID') AND updated_at < :before""")
                .param("before", Timestamp.from(before)).query(Long.class).single();
    }

    /**
     * @param gross   the bills customers paid for completed orders (Pakasir's total for QRIS), refunded ones included
     * @param refunds what operators refunded of those orders to the customers' balances
     * @param net     gross less the gateway's fees and the refunds
     */
    public record Period(Map<String, Long> ordersByStatus, long gross, long fees, long refunds, long net, long deposits,
                         List<String> topProducts) {
    }
}
