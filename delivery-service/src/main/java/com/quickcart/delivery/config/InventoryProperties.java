package com.quickcart.delivery.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The keys that encrypt the goods at rest. INVENTORY_KEY (base64, 32 bytes) encrypts new items
 * under INVENTORY_KEY_ID; INVENTORY_PREVIOUS_KEYS ("id:base64,id:base64") still decrypts items
 * written under older keys, so a key can be rotated without re-encrypting at once.
 */
@ConfigurationProperties("quickcart.inventory")
public record InventoryProperties(String key, @DefaultValue("1") int keyId, @DefaultValue("") String previousKeys) {

    public InventoryProperties {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("INVENTORY_KEY must be set: base64 of 32 random bytes (openssl rand -base64 32)");
        }
        decode(key, "INVENTORY_KEY");
        if (keyId < 1 || keyId > 32_000) {
            throw new IllegalArgumentException("INVENTORY_KEY_ID must be 1..32000");
        }
        keys(previousKeys);
    }

    /** Every usable key by id, the current one included. */
    public Map<Integer, byte[]> allKeys() {
        Map<Integer, byte[]> all = keys(previousKeys);
        all.put(keyId, decode(key, "INVENTORY_KEY"));
        return all;
    }

    private static Map<Integer, byte[]> keys(String list) {
        Map<Integer, byte[]> keys = new HashMap<>();
        if (list == null || list.isBlank()) {
            return keys;
        }
        for (String entry : list.split(",")) {
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2 || !parts[0].matches("\\d{1,5}")) {
                throw new IllegalArgumentException("INVENTORY_PREVIOUS_KEYS entries look like 1:BASE64KEY");
            }
            keys.put(Integer.parseInt(parts[0]), decode(parts[1], "INVENTORY_PREVIOUS_KEYS"));
        }
        return keys;
    }

    private static byte[] decode(String base64, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(name + " must decode to 32 bytes (AES-256), got " + bytes.length);
        }
        return bytes;
    }
}
