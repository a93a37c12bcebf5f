package com.quickcart.bench.checkout;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;

/**
 * Sets the stage for the race straight in the services' schemas, for the benchmark only (no
 * operator tool stocks 100 items or funds 1,000 wallets at once): a product with its stock
 * projection in order_svc, its goods in delivery_svc sealed the way delivery-service seals
 * them (AES-256-GCM, key id as associated data), and a funded wallet per buyer in payment_svc
 * (an ADJUSTMENT ledger entry beside the balance, as Wallet.credit writes them, minus the
 * BalanceChanged event: order-service's balance projection is for display and the race never
 * shows it).
 */
final class RaceSeed {

    /** up.sh's development key, used when INVENTORY_KEY is not in the environment. */
    private static final String LOCAL_DEV_KEY = "bG9jYWwtZGV2LWtleS1uZXZlci1pbi1wcm9kLTAwMDE=";
    private static final int KEY_ID = 1;

    static long product(Connection db, String name, long price, int items, String inventoryKey) throws SQLException {
        long product;
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO order_svc.products (category_id, name, price) VALUES (1, ?, ?) RETURNING id")) {
            insert.setString(1, name);
            insert.setLong(2, price);
            var rs = insert.executeQuery();
            rs.next();
            product = rs.getLong(1);
        }
        try (PreparedStatement stock = db.prepareStatement("INSERT INTO order_svc.product_stock (product_id, available) VALUES (?, ?)")) {
            stock.setLong(1, product);
            stock.setInt(2, items);
            stock.executeUpdate();
        }
        byte[] key = Base64.getDecoder().decode(inventoryKey == null ? LOCAL_DEV_KEY : inventoryKey);
        SecureRandom random = new SecureRandom();
        try (PreparedStatement item = db.prepareStatement(
                "INSERT INTO delivery_svc.inventory_items (product_id, key_id, nonce, ciphertext) VALUES (?, ?, ?, ?)")) {
            for (int n = 1; n <= items; n++) {
                byte[] nonce = new byte[12];
                random.nextBytes(nonce);
                item.setLong(1, product);
                item.setInt(2, KEY_ID);
                item.setBytes(3, nonce);
                item.setBytes(4, seal(key, nonce, "BENCH-" + product + "-" + n));
                item.addBatch();
            }
            item.executeBatch();
        }
        return product;
    }

    static void fund(Connection db, long firstBuyer, int buyers, long amount, String reference) throws SQLException {
        try (PreparedStatement balance = db.prepareStatement(
                "INSERT INTO payment_svc.wallet_balances (user_id, balance) VALUES (?, ?)");
             PreparedStatement ledger = db.prepareStatement("""
                     INSERT INTO payment_svc.wallet_ledger (user_id, entry_type, amount, balance_after, reference)
                     VALUES (?, 'ADJUSTMENT', ?, ?, ?)""")) {
            for (long buyer = firstBuyer; buyer < firstBuyer + buyers; buyer++) {
                balance.setLong(1, buyer);
                balance.setLong(2, amount);
                balance.addBatch();
                ledger.setLong(1, buyer);
                ledger.setLong(2, amount);
                ledger.setLong(3, amount);
                ledger.setString(4, reference + "-" + buyer);
                ledger.addBatch();
            }
            balance.executeBatch();
            ledger.executeBatch();
        }
    }

    private static byte[] seal(byte[] key, byte[] nonce, String item) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(ByteBuffer.allocate(4).putInt(KEY_ID).array());
            return cipher.doFinal(item.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private RaceSeed() {
    }
}
