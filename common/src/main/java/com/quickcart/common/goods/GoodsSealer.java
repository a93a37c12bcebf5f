package com.quickcart.common.goods;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickcart.common.events.delivery.SealedGoods;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Seals a delivery's goods for the one service that hands them to the buyer, holding only that
 * service's public key: a fresh X25519 key pair per seal, key agreement with the recipient's
 * key, HKDF-SHA256 to an AES-256 key, AES-256-GCM with the order and event id as associated
 * data. Without the recipient's private key a seal gives away its length and nothing else;
 * holding this class (delivery-service) is not enough to open one. Thread-safe. See docs/adr/0013.
 */
public final class GoodsSealer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicKey recipient;
    private final byte[] recipientRaw;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    public GoodsSealer(PublicKey recipient) {
        this.recipientRaw = GoodsTransit.raw(recipient);
        this.recipient = recipient;
        this.keyId = GoodsTransit.keyId(recipient);
    }

    /**
     * An X25519 public key from base64 of its X.509 DER, as
     * {@code openssl pkey -inform DER -pubout -outform DER | base64 -w0} prints it.
     *
     * @throws IllegalArgumentException saying what is wrong with it, never echoing it
     */
    public static PublicKey publicKey(String base64) {
        byte[] der = GoodsTransit.base64(base64, "the public key");
        try {
            PublicKey key = KeyFactory.getInstance(GoodsTransit.CURVE).generatePublic(new X509EncodedKeySpec(der));
            GoodsTransit.raw(key);
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the public key is not an X25519 public key in X.509 DER");
        }
    }

    /** The id of the recipient's key, carried in every seal so the recipient picks the right private key. */
    public String keyId() {
        return keyId;
    }

    /** Seals {@code items} so that they open only for the recipient, and only as part of this order's event {@code eventId}. */
    public SealedGoods seal(List<String> items, String orderId, UUID eventId) {
        byte[] associatedData = GoodsTransit.associatedData(orderId, eventId);
        byte[] plaintext = null;
        byte[] contentKey = null;
        try {
            plaintext = JSON.writeValueAsBytes(List.copyOf(items));
            KeyPairGenerator generator = KeyPairGenerator.getInstance(GoodsTransit.CURVE);
            generator.initialize(255, random);
            KeyPair ephemeral = generator.generateKeyPair();
            byte[] ephemeralRaw = GoodsTransit.raw(ephemeral.getPublic());
            contentKey = GoodsTransit.contentKey(ephemeral.getPrivate(), recipient, ephemeralRaw, recipientRaw);
            byte[] nonce = new byte[GoodsTransit.NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(GoodsTransit.TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext);
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedGoods(keyId, base64.encodeToString(ephemeralRaw), base64.encodeToString(nonce),
                    base64.encodeToString(ciphertext));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            // The cause names an algorithm or a JSON problem, never an item.
            throw new IllegalStateException("cannot seal goods", e);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
            if (contentKey != null) {
                Arrays.fill(contentKey, (byte) 0);
            }
        }
    }
}
