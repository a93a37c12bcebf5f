package com.quickcart.order.stock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/**
 * What the operator sees of stock, from order-service's own tables: the catalogue, the stock
 * projection delivery-service keeps up to date (what customers see), and the owners' alert levels.
 */
@Repository
public class StockLevels {

    private final JdbcClient jdbc;

    public StockLevels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            SELECT p.id, p.name, COALESCE(s.available, 0) AS available, a.threshold
            FROM products p
            LEFT JOIN product_stock s ON s.product_id = p.id
            LEFT JOIN low_stock_alerts a ON a.product_id = p.id""";

    public List<ProductStock> page(int page, int size) {
        return jdbc.sql(SELECT + " ORDER BY p.id LIMIT :limit OFFSET :offset").param("limit", size).param("offset", page * size)
                .query(StockLevels::row).list();
    }

    public long products() {
        return jdbc.sql("SELECT count(*) FROM products").query(Long.class).single();
    }

    public Optional<ProductStock> product(long productId) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", productId).query(StockLevels::row).optional();
    }

    /** Sets (or with 0, removes) the product's alert level; armed again either way. */
    public void setThreshold(long productId, int threshold, long by) {
        if (threshold <= 0) {
            jdbc.sql("DELETE FROM low_stock_alerts WHERE product_id = :id").param("id", productId).update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO low_stock_alerts (product_id, threshold, set_by) VALUES (:id, :threshold, :by)
                        ON CONFLICT (product_id) DO UPDATE SET threshold = EXCLUDED.threshold, alerted = false,
                            set_by = EXCLUDED.set_by, set_at = now()""")
                .param("id", productId).param("threshold", threshold).param("by", by).update();
    }

    /**
     * The alert level the product just fell under, once: true only for the stock change that
     * crossed it. The row stays marked until {@link #rearm} sees the stock back at the level.
     */
    public Optional<Integer> crossedBelow(long productId, int available) {
        return jdbc.sql("""
                        UPDATE low_stock_alerts SET alerted = true
                        WHERE product_id = :id AND NOT alerted AND :available < threshold RETURNING threshold""")
                .param("id", productId).param("available", available).query(Integer.class).optional();
    }

    public void rearm(long productId, int available) {
        jdbc.sql("UPDATE low_stock_alerts SET alerted = false WHERE product_id = :id AND alerted AND :available >= threshold")
                .param("id", productId).param("available", available).update();
    }

    private static ProductStock row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ProductStock(rs.getLong("id"), rs.getString("name"), rs.getInt("available"), rs.getObject("threshold", Integer.class));
    }

    /** A product's count as customers see it, and its alert level (null: none). */
    public record ProductStock(long id, String name, int available, Integer threshold) {
    }
}
