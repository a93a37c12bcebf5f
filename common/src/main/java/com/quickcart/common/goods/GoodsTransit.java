package com.quickcart.common.goods;

import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * What {@link GoodsSealer} and {@link GoodsOpener} share: the X25519 key format, the key id,
 * HKDF-SHA256 (RFC 5869; the JDK has no HKDF before 24) and the associated data. See docs/adr/0013.
 */
final class GoodsTransit {

    static final String CURVE = "X25519";
    static final int RAW_KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    /** The DER head of every X25519 SubjectPublicKeyInfo: SEQUENCE { AlgorithmIdentifier 1.3.101.110, BIT STRING (32 bytes) }. */
    private static final byte[] X509_HEAD = HexFormat.of().parseHex("302a300506032b656e032100");
    private static final byte[] SALT = "quickcart goods transit v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "quickcart goods aes-256-gcm key".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_ID_BYTES = 8;

    /** The 32-byte u-coordinate of an X25519 public key. */
    static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der == null || der.length != X509_HEAD.length + RAW_KEY_BYTES
                || !Arrays.equals(der, 0, X509_HEAD.length, X509_HEAD, 0, X509_HEAD.length)) {
            throw new IllegalArgumentException("not an X25519 public key");
        }
        return Arrays.copyOfRange(der, X509_HEAD.length, der.length);
    }

    static PublicKey fromRaw(byte[] raw) throws GeneralSecurityException {
        if (raw.length != RAW_KEY_BYTES) {
            throw new GeneralSecurityException("an X25519 public key is 32 bytes");
        }
        byte[] der = Arrays.copyOf(X509_HEAD, X509_HEAD.length + RAW_KEY_BYTES);
        System.arraycopy(raw, 0, der, X509_HEAD.length, RAW_KEY_BYTES);
        return KeyFactory.getInstance(CURVE).generatePublic(new X509EncodedKeySpec(der));
    }

    /**
     * The first 8 bytes of SHA-256 over the public key's X.509 DER, in hex: what
     * {@code base64 -d <<<"$GOODS_TRANSIT_PUBLIC_KEY" | sha256sum | cut -c1-16} prints.
     */
    static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, KEY_ID_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The AES-256 key both sides derive from the X25519 agreement, bound to both public keys. */
    static byte[] contentKey(PrivateKey own, PublicKey peer, byte[] ephemeralRaw, byte[] recipientRaw) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance(CURVE);
        agreement.init(own);
        agreement.doPhase(peer, true);
        byte[] shared = agreement.generateSecret();
        try {
            ByteArrayOutputStream info = new ByteArrayOutputStream();
            info.writeBytes(INFO);
            info.writeBytes(ephemeralRaw);
            info.writeBytes(recipientRaw);
            return hkdf(SALT, shared, info.toByteArray(), 32);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    /** What the ciphertext is bound to: a blob sealed for one event opens in no other. */
    static byte[] associatedData(String orderId, UUID eventId) {
        if (orderId == null || eventId == null) {
            throw new IllegalArgumentException("sealed goods are bound to an order id and an event id");
        }
        return ("quickcart goods\0" + eventId + "\0" + orderId).getBytes(StandardCharsets.UTF_8);
    }

    /** HKDF-SHA256, RFC 5869: extract, then expand to {@code length} bytes. */
    static byte[] hkdf(byte[] salt, byte[] inputKey, byte[] info, int length) throws GeneralSecurityException {
        if (length < 1 || length > 255 * 32) {
            throw new IllegalArgumentException("HKDF-SHA256 output is 1..8160 bytes");
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt == null || salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
        byte[] pseudoRandomKey = mac.doFinal(inputKey);
        try {
            mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            int written = 0;
            for (int counter = 1; written < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                block = mac.doFinal();
                int take = Math.min(block.length, length - written);
                System.arraycopy(block, 0, out, written, take);
                written += take;
            }
            Arrays.fill(block, (byte) 0);
            return out;
        } finally {
            Arrays.fill(pseudoRandomKey, (byte) 0);
        }
    }

    static byte[] base64(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64");
        }
    }

    private GoodsTransit() {
    }
}
