package com.quickcart.delivery.inventory;

import com.quickcart.delivery.inventory.InventoryCipher.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/** The goods, one encrypted row per item, and the claims orders hold on them. */
@Repository
public class Inventory {

    private final JdbcClient jdbc;
    private final InventoryCipher cipher;

    public Inventory(JdbcClient jdbc, InventoryCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void add(long productId, List<String> items) {
        for (String item : items) {
            Sealed sealed = cipher.seal(item);
            jdbc.sql("INSERT INTO inventory_items (product_id, key_id, nonce, ciphertext) VALUES (:product, :keyId, :nonce, :ciphertext)")
                    .param("product", productId)
                    .param("keyId", sealed.keyId())
                    .param("nonce", sealed.nonce())
                    .param("ciphertext", sealed.ciphertext())
                    .update();
        }
    }

    /**
     * Claims up to {@code quantity} available items for the order. Rows another transaction is
     * claiming are skipped, not waited for, so two buyers never get the same item and never
     * block each other. Returns how many were claimed.
     */
    public int claim(String orderId, long productId, int quantity) {
        return jdbc.sql("""
                        WITH picked AS (
                            SELECT id FROM inventory_items
                            WHERE product_id = :product AND status = 'AVAILABLE'
                            ORDER BY id
                            LIMIT :quantity
                            FOR UPDATE SKIP LOCKED)
                        UPDATE inventory_items i
                        SET status = 'RESERVED', order_id = :order, reserved_at = now()
                        FROM picked WHERE i.id = picked.id
                        """)
                .param("product", productId)
                .param("quantity", quantity)
                .param("order", orderId)
                .update();
    }

    /** Puts an order's reserved items back on the shelf; returns how many. */
    public int release(String orderId) {
        return jdbc.sql("""
                        UPDATE inventory_items SET status = 'AVAILABLE', order_id = NULL, reserved_at = NULL
                        WHERE order_id = :order AND status = 'RESERVED'
                        """)
                .param("order", orderId).update();
    }

    /** Marks an order's reserved items delivered and returns them in clear text. */
    public List<String> handOver(String orderId) {
        List<Sealed> sealed = jdbc.sql("""
                        UPDATE inventory_items SET status = 'DELIVERED', delivered_at = now()
                        WHERE order_id = :order AND status = 'RESERVED'
                        RETURNING id, key_id, nonce, ciphertext
                        """)
                .param("order", orderId)
                .query((rs, n) -> new Sealed(rs.getInt("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")))
                .list();
        return sealed.stream().map(cipher::open).toList();
    }

    /** The goods an order already received, for a re-send. */
    public List<String> delivered(String orderId) {
        return jdbc.sql("SELECT key_id, nonce, ciphertext FROM inventory_items WHERE order_id = :order AND status = 'DELIVERED' ORDER BY id")
                .param("order", orderId)
                .query((rs, n) -> new Sealed(rs.getInt("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")))
                .list().stream().map(cipher::open).toList();
    }

    public int available(long productId) {
        return jdbc.sql("SELECT count(*) FROM inventory_items WHERE product_id = :product AND status = 'AVAILABLE'")
                .param("product", productId).query(Integer.class).single();
    }

    public List<Long> stockedProducts() {
        return jdbc.sql("SELECT DISTINCT product_id FROM inventory_items ORDER BY product_id").query(Long.class).list();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM inventory_items)").query(Boolean.class).single();
    }
}
