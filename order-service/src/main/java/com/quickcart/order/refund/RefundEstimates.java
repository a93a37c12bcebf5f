package com.quickcart.order.refund;

import com.quickcart.order.refund.RefundRule.Usage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/**
 * The last usage a customer reported for an order when they sent its refund estimate to support.
 * Only the usage is kept: the figure is worked out from it with today's rule wherever it is shown,
 * so the customer's message, the operator's view and the one-tap refund always agree.
 */
@Repository
public class RefundEstimates implements EstimatesSent {

    private final JdbcClient jdbc;

    public RefundEstimates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String orderId, Usage usage) {
        jdbc.sql("""
                        INSERT INTO refund_estimates (order_id, days_used, claims) VALUES (:order, :days, :claims)
                        ON CONFLICT (order_id) DO UPDATE SET days_used = EXCLUDED.days_used, claims = EXCLUDED.claims, sent_at = now()""")
                .param("order", orderId).param("days", usage.daysUsed()).param("claims", usage.claims()).update();
    }

    @Override
    public Optional<Sent> last(String orderId) {
        return jdbc.sql("SELECT days_used, claims, sent_at FROM refund_estimates WHERE order_id = :order").param("order", orderId)
                .query((rs, n) -> new Sent(new Usage(rs.getInt("days_used"), rs.getInt("claims")),
                        rs.getTimestamp("sent_at").toInstant()))
                .optional();
    }

    public record Sent(Usage usage, Instant at) {
    }
}
