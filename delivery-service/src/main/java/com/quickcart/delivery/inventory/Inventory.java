package com.quickcart.delivery.inventory;

import com.quickcart.delivery.inventory.InventoryCipher.Sealed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/** The goods, one encrypted row per item, and the claims orders hold on them. */
@Repository
public class Inventory {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final InventoryCipher cipher;
    private final ItemHashes hashes;

    public Inventory(JdbcClient jdbc, JdbcTemplate batch, InventoryCipher cipher, ItemHashes hashes) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.cipher = cipher;
        this.hashes = hashes;
    }

    /**
     * Stores each item not already held for the product (sold, reserved or available), encrypted,
     * with its keyed hash; returns how many were new. A repeat, within {@code items} or of a row
     * another transaction is writing at the same time, is skipped by the unique index, never
     * stored twice. Writers of one product take turns (a transaction-scoped advisory lock, the one
     * {@code publishStockLevel} takes), so two uploads racing with the same items never deadlock;
     * items keep their order, so they are sold in the order they were uploaded.
     */
    public int add(long productId, List<String> items) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:product)").param("product", productId).query(Object.class).list();
        Map<String, String> byHash = new LinkedHashMap<>();
        for (String item : items) {
            byHash.putIfAbsent(HexFormat.of().formatHex(hashes.hash(item)), item);
        }
        int[][] counts = batch.batchUpdate("""
                        INSERT INTO inventory_items (product_id, key_id, nonce, ciphertext, item_hash, hash_key_id)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (product_id, item_hash) DO NOTHING""",
                List.copyOf(byHash.entrySet()), 1_000, (statement, row) -> {
                    Sealed sealed = cipher.seal(row.getValue());
                    statement.setLong(1, productId);
                    statement.setInt(2, sealed.keyId());
                    statement.setBytes(3, sealed.nonce());
                    statement.setBytes(4, sealed.ciphertext());
                    statement.setBytes(5, HexFormat.of().parseHex(row.getKey()));
                    statement.setInt(6, hashes.keyId());
                });
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).map(n -> Math.max(n, 0)).sum();
    }

    /**
     * Gives rows hashed under another inventory key (or, from before hashes existed, none) their
     * hash under the current key; returns how many. Run at start, after a key rotation. A row that
     * repeats an item held in another row (possible only from before hashes existed) keeps no
     * hash: it stays on sale as it was, and the item cannot be uploaded a third time.
     */
    public int rehash() {
        List<Object[]> stale = jdbc.sql("SELECT id, key_id, nonce, ciphertext FROM inventory_items WHERE hash_key_id IS DISTINCT FROM :key")
                .param("key", hashes.keyId())
                .query((rs, n) -> new Object[]{rs.getLong("id"), hashes.hash(cipher.open(
                        new Sealed(rs.getInt("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext"))))})
                .list();
        batch.batchUpdate("""
                UPDATE inventory_items i SET hash_key_id = ?, item_hash = CASE WHEN EXISTS (
                    SELECT 1 FROM inventory_items o WHERE o.product_id = i.product_id AND o.item_hash = ? AND o.id <> i.id)
                    THEN NULL ELSE ? END
                WHERE id = ?""", stale, 1_000, (statement, row) -> {
            statement.setInt(1, hashes.keyId());
            statement.setBytes(2, (byte[]) row[1]);
            statement.setBytes(3, (byte[]) row[1]);
            statement.setLong(4, (Long) row[0]);
        });
        return stale.size();
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

    /**
     * Removes up to {@code quantity} unsold, unreserved items of the product (an operator
     * withdrawing goods), newest first; returns how many. Rows a buyer is claiming are skipped.
     * The rows go, hashes and all: an item withdrawn can be uploaded again.
     */
    public int withdraw(long productId, int quantity) {
        return jdbc.sql("""
                        DELETE FROM inventory_items WHERE id IN (
                            SELECT id FROM inventory_items
                            WHERE product_id = :product AND status = 'AVAILABLE'
                            ORDER BY id DESC LIMIT :quantity
                            FOR UPDATE SKIP LOCKED)""")
                .param("product", productId).param("quantity", quantity).update();
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
