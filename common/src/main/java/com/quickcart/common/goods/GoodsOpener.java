package com.quickcart.common.goods;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickcart.common.events.delivery.SealedGoods;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Opens what {@link GoodsSealer} sealed, with the recipient's private key: the current one, or
 * one of the previous ones while seals made for them may still be in flight (key rotation). A
 * seal that was tampered with, made for another key, or moved into another event is refused,
 * never opened to something else. Thread-safe. See docs/adr/0013.
 */
public final class GoodsOpener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> ITEMS = new TypeReference<>() {
    };

    /** Private keys by the id of their public key, the current one first. */
    private final Map<String, Recipient> recipients = new LinkedHashMap<>();
    /**
     * Content keys already agreed, by key id and ephemeral key: a sealer uses one ephemeral key
     * for many seals (docs/adr/0028), so the X25519 agreement is done once per sealer session,
     * not once per seal. Bounded; the oldest go first.
     */
    private final Map<String, SecretKeySpec> agreed = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SecretKeySpec> eldest) {
            return size() > 256;
        }
    });

    private record Recipient(PrivateKey key, byte[] raw) {
    }

    public GoodsOpener(PrivateKey current, List<PrivateKey> previous) {
        add(current);
        previous.forEach(this::add);
    }

    private void add(PrivateKey key) {
        PublicKey publicKey = publicKeyOf(key);
        recipients.putIfAbsent(GoodsTransit.keyId(publicKey), new Recipient(key, GoodsTransit.raw(publicKey)));
    }

    /**
     * An X25519 private key from base64 of its PKCS#8 DER, as
     * {@code openssl genpkey -algorithm X25519 -outform DER | base64 -w0} prints it.
     *
     * @throws IllegalArgumentException saying what is wrong with it, never echoing it
     */
    public static PrivateKey privateKey(String base64) {
        byte[] der = GoodsTransit.base64(base64, "the private key");
        try {
            PrivateKey key = KeyFactory.getInstance(GoodsTransit.CURVE).generatePrivate(new PKCS8EncodedKeySpec(der));
            publicKeyOf(key);
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the private key is not an X25519 private key in PKCS#8 DER");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /**
     * The public key of an X25519 private key: X25519(k, 9), the agreement with the curve's base
     * point, is by definition the public key's u-coordinate (RFC 7748, section 6.1).
     */
    static PublicKey publicKeyOf(PrivateKey key) {
        byte[] basePoint = new byte[GoodsTransit.RAW_KEY_BYTES];
        basePoint[0] = 9;
        try {
            KeyAgreement agreement = KeyAgreement.getInstance(GoodsTransit.CURVE);
            agreement.init(key);
            agreement.doPhase(GoodsTransit.fromRaw(basePoint), true);
            return GoodsTransit.fromRaw(agreement.generateSecret());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X25519 private key", e);
        }
    }

    /** The id of the current key: what delivery-service's public key must have. */
    public String keyId() {
        return recipients.keySet().iterator().next();
    }

    /** Every key id this opener can open, the current first. */
    public Set<String> keyIds() {
        return Collections.unmodifiableSet(recipients.keySet());
    }

    /**
     * The items sealed for this order's event {@code eventId}.
     *
     * @throws Refused when the seal is malformed, made for a key this opener does not hold, made
     *                 for another event or order, or altered; the message never holds an item
     */
    public List<String> open(SealedGoods sealed, String orderId, UUID eventId) {
        if (sealed == null) {
            throw new Refused("no sealed goods in the event");
        }
        Recipient recipient = recipients.get(sealed.keyId());
        if (recipient == null) {
            throw new Refused("goods sealed for key id " + sealed.keyId() + ", not one of the keys held " + keyIds());
        }
        byte[] ephemeralRaw;
        byte[] nonce;
        byte[] ciphertext;
        try {
            ephemeralRaw = GoodsTransit.base64(sealed.ephemeralKey(), "ephemeralKey");
            nonce = GoodsTransit.base64(sealed.nonce(), "nonce");
            ciphertext = GoodsTransit.base64(sealed.ciphertext(), "ciphertext");
        } catch (IllegalArgumentException e) {
            throw new Refused("sealed goods are malformed: " + e.getMessage());
        }
        if (ephemeralRaw.length != GoodsTransit.RAW_KEY_BYTES || nonce.length != GoodsTransit.NONCE_BYTES) {
            throw new Refused("sealed goods are malformed: wrong key or nonce length");
        }
        byte[] plaintext = null;
        try {
            SecretKeySpec contentKey = contentKey(sealed, recipient, ephemeralRaw);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, contentKey, new GCMParameterSpec(GoodsTransit.TAG_BITS, nonce));
            cipher.updateAAD(GoodsTransit.associatedData(orderId, eventId));
            plaintext = cipher.doFinal(ciphertext);
            return List.copyOf(JSON.readValue(plaintext, ITEMS));
        } catch (AEADBadTagException e) {
            throw new Refused("sealed goods failed authentication: altered, or sealed for another event or order");
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            // Never the cause's message: a JSON error could quote the plaintext.
            throw new Refused("sealed goods cannot be opened (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    /** The AES key this seal's ephemeral key agreed with the recipient's, agreed once per ephemeral key. */
    private SecretKeySpec contentKey(SealedGoods sealed, Recipient recipient, byte[] ephemeralRaw) throws GeneralSecurityException {
        String id = sealed.keyId() + ":" + java.util.HexFormat.of().formatHex(ephemeralRaw);
        SecretKeySpec known = agreed.get(id);
        if (known != null) {
            return known;
        }
        byte[] raw = GoodsTransit.contentKey(recipient.key(), GoodsTransit.fromRaw(ephemeralRaw), ephemeralRaw, recipient.raw());
        try {
            SecretKeySpec key = new SecretKeySpec(raw, "AES");
            agreed.put(id, key);
            return key;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** A seal this opener will not open. Its message names the reason, never an item. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
