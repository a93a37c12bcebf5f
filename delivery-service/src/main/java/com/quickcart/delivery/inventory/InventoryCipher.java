package com.quickcart.delivery.inventory;

import com.quickcart.delivery.config.InventoryProperties;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;

/** AES-256-GCM for one item: a fresh 12-byte nonce each time, the key id bound in as associated data. */
@Component
public class InventoryCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<Integer, byte[]> keys;
    private final int currentKeyId;
    private final SecureRandom random = new SecureRandom();

    public InventoryCipher(InventoryProperties properties) {
        this.keys = properties.allKeys();
        this.currentKeyId = properties.keyId();
    }

    public Sealed seal(String item) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, currentKeyId, nonce);
            return new Sealed(currentKeyId, nonce, cipher.doFinal(item.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt an inventory item", e);
        }
    }

    public String open(Sealed sealed) {
        if (!keys.containsKey(sealed.keyId())) {
            throw new IllegalStateException("no key with id " + sealed.keyId() + " (INVENTORY_PREVIOUS_KEYS?)");
        }
        try {
            return new String(cipher(Cipher.DECRYPT_MODE, sealed.keyId(), sealed.nonce()).doFinal(sealed.ciphertext()),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("inventory item failed authentication (wrong key or tampered row)", e);
        }
    }

    private Cipher cipher(int mode, int keyId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(keys.get(keyId), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(4).putInt(keyId).array());
        return cipher;
    }

    /** An encrypted item as stored. */
    public record Sealed(int keyId, byte[] nonce, byte[] ciphertext) {
    }
}
