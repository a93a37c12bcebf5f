package com.quickcart.delivery.inventory;

import com.quickcart.delivery.config.InventoryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The keyed hash that makes an item unique within a product without storing it in clear:
 * HMAC-SHA256 of the item under a key derived from the current INVENTORY_KEY (HMAC of a fixed
 * label, so the hash key is never the encryption key). The database holds the hash under a
 * unique index; without the inventory key the hash tells nothing about the item.
 */
@Component
public class ItemHashes {

    private static final Logger log = LoggerFactory.getLogger(ItemHashes.class);
    private static final byte[] LABEL = "quickcart inventory item hash v1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] hashKey;
    private final int keyId;

    public ItemHashes(InventoryProperties properties) {
        this.keyId = properties.keyId();
        byte[] inventoryKey = properties.allKeys().get(keyId);
        try {
            this.hashKey = mac(inventoryKey).doFinal(LABEL);
        } finally {
            Arrays.fill(inventoryKey, (byte) 0);
        }
    }

    /** The id of the inventory key the hashes are made under: after a rotation, older rows are hashed again. */
    public int keyId() {
        return keyId;
    }

    public byte[] hash(String item) {
        return mac(hashKey).doFinal(item.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            log.error("HmacSHA256 unavailable");
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
