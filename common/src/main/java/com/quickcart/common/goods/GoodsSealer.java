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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Seals a delivery's goods for the one service that hands them to the buyer, holding only that
 * service's public key: an ephemeral X25519 key pair, key agreement with the recipient's key,
 * HKDF-SHA256 to an AES-256 key, AES-256-GCM with a fresh random nonce and the order and event
 * id as associated data. Without the recipient's private key a seal gives away its length and
 * nothing else; holding this class (delivery-service) is not enough to open one (it keeps the current
 * session's AES key in memory, never anywhere else, and offers no way to open). Thread-safe.
 * See docs/adr/0013.
 *
 * <p>The ephemeral key pair and the key it agreed serve a bounded number of seals (10,000, or
 * one minute, whichever ends first), not one: the X25519 arithmetic was half of the ingress's
 * CPU per update. Nothing weakens: every seal still has its own nonce and associated data, the
 * nonces stay far below GCM's limit for one key, and the session's keys never leave this object's
 * memory, in a process that held the plaintext a moment before anyway (docs/adr/0028).
 */
public final class GoodsSealer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicKey recipient;
    private final byte[] recipientRaw;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final int sealsPerSession;
    private final Duration sessionAge;
    private final AtomicReference<Session> session = new AtomicReference<>();

    /** One ephemeral key pair's public half and the content key it agreed with the recipient. */
    private record Session(byte[] ephemeralRaw, SecretKeySpec contentKey, Instant ends, AtomicInteger seals) {
    }

    public GoodsSealer(PublicKey recipient) {
        this(recipient, Clock.systemUTC(), 10_000, Duration.ofMinutes(1));
    }

    GoodsSealer(PublicKey recipient, Clock clock, int sealsPerSession, Duration sessionAge) {
        this.recipientRaw = GoodsTransit.raw(recipient);
        this.recipient = recipient;
        this.keyId = GoodsTransit.keyId(recipient);
        this.clock = clock;
        this.sealsPerSession = sealsPerSession;
        this.sessionAge = sessionAge;
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
        try {
            plaintext = JSON.writeValueAsBytes(List.copyOf(items));
            Session current = session();
            byte[] nonce = new byte[GoodsTransit.NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.contentKey(), new GCMParameterSpec(GoodsTransit.TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext);
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedGoods(keyId, base64.encodeToString(current.ephemeralRaw()), base64.encodeToString(nonce),
                    base64.encodeToString(ciphertext));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            // The cause names an algorithm or a JSON problem, never an item.
            throw new IllegalStateException("cannot seal goods", e);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    /** The current session while it has seals and time left, else a new one (one thread makes it; the rest wait). */
    private Session session() throws GeneralSecurityException {
        Session current = session.get();
        if (usable(current)) {
            return current;
        }
        synchronized (this) {
            current = session.get();
            if (usable(current)) {
                return current;
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance(GoodsTransit.CURVE);
            generator.initialize(255, random);
            KeyPair ephemeral = generator.generateKeyPair();
            byte[] ephemeralRaw = GoodsTransit.raw(ephemeral.getPublic());
            byte[] contentKey = GoodsTransit.contentKey(ephemeral.getPrivate(), recipient, ephemeralRaw, recipientRaw);
            try {
                Session fresh = new Session(ephemeralRaw, new SecretKeySpec(contentKey, "AES"), clock.instant().plus(sessionAge),
                        new AtomicInteger(1));
                session.set(fresh);
                return fresh;
            } finally {
                Arrays.fill(contentKey, (byte) 0);
            }
        }
    }

    private boolean usable(Session current) {
        return current != null && clock.instant().isBefore(current.ends()) && current.seals().incrementAndGet() <= sealsPerSession;
    }
}
