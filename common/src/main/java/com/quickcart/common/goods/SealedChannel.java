package com.quickcart.common.goods;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The three routes on which something travels sealed for one service, and how each route's keys
 * are read from the environment: {@code <PREFIX>_PUBLIC_KEY} (base64 of X.509 DER) where it is
 * sealed, {@code <PREFIX>_PRIVATE_KEY} (base64 of PKCS#8 DER) plus
 * {@code <PREFIX>_PREVIOUS_PRIVATE_KEYS} (comma-separated, same form, still opening what was sealed
 * before a rotation) where it is opened. One place parses and checks them, so every service
 * refuses a bad key with the same kind of message: the variable's name, what is wrong, how to
 * make a good one, never the key itself.
 */
public enum SealedChannel {

    /** Goods, from delivery-service to the notifier (docs/adr/0013). */
    GOODS_TRANSIT("goods-transit", "goods", "the notifier", "docs/adr/0013"),
    /** The text people type, from ingress to order-service (docs/adr/0022). */
    UPDATE_TRANSIT("update-transit", "typed text", "order-service", "docs/adr/0022"),
    /** Goods an operator uploads or pastes, from the notifier or order-service to delivery-service (docs/adr/0022). */
    STOCK_INTAKE("stock-intake", "uploads", "delivery-service", "docs/adr/0022");

    private static final Logger log = LoggerFactory.getLogger(SealedChannel.class);

    private final String words;
    private final String carries;
    private final String holder;
    private final String adr;

    SealedChannel(String words, String carries, String holder, String adr) {
        this.words = words;
        this.carries = carries;
        this.holder = holder;
        this.adr = adr;
    }

    public String publicKeyVariable() {
        return name() + "_PUBLIC_KEY";
    }

    public String privateKeyVariable() {
        return name() + "_PRIVATE_KEY";
    }

    public String previousPrivateKeysVariable() {
        return name() + "_PREVIOUS_PRIVATE_KEYS";
    }

    /**
     * Seals for this channel's holder. The key id is logged so an operator can match it with the
     * opening side's line (the same words there).
     *
     * @throws IllegalArgumentException naming the variable when the key is missing or not an X25519 public key
     */
    public GoodsSealer sealer(String publicKeyBase64) {
        String how = " (openssl pkey -inform DER -pubout -outform DER | base64 -w0; see " + adr + ")";
        if (publicKeyBase64 == null || publicKeyBase64.isBlank()) {
            throw new IllegalArgumentException(publicKeyVariable() + " must be set: " + holder + "'s X25519 " + words
                    + " public key, base64 of X.509 DER" + how);
        }
        GoodsSealer sealer;
        try {
            sealer = new GoodsSealer(GoodsSealer.publicKey(publicKeyBase64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(publicKeyVariable() + ": " + e.getMessage() + how);
        }
        log.info("{} leave sealed for {} key id={}", carries, words, sealer.keyId());
        return sealer;
    }

    /**
     * Opens what was sealed for this channel's holder, with the current key and the previous ones.
     *
     * @throws IllegalArgumentException naming the variable (and the entry) when a key is missing or not an X25519 private key
     */
    public GoodsOpener opener(String privateKeyBase64, String previousPrivateKeys) {
        if (privateKeyBase64 == null || privateKeyBase64.isBlank()) {
            throw new IllegalArgumentException(privateKeyVariable() + " must be set: " + holder + "'s X25519 " + words
                    + " private key, base64 of PKCS#8 DER" + privateHow());
        }
        GoodsOpener opener = new GoodsOpener(privateKey(privateKeyBase64, privateKeyVariable()), previous(previousPrivateKeys));
        log.info("{} open with {} key id={} (all held: {})", carries, words, opener.keyId(), opener.keyIds());
        return opener;
    }

    private List<PrivateKey> previous(String list) {
        List<PrivateKey> keys = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return keys;
        }
        int position = 0;
        for (String entry : list.split(",", -1)) {
            position++;
            if (entry.isBlank()) {
                throw new IllegalArgumentException(previousPrivateKeysVariable() + ": entry " + position
                        + " is empty; entries are comma-separated keys" + privateHow());
            }
            keys.add(privateKey(entry, previousPrivateKeysVariable() + " (entry " + position + ")"));
        }
        return keys;
    }

    private PrivateKey privateKey(String base64, String name) {
        try {
            return GoodsOpener.privateKey(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage() + privateHow());
        }
    }

    private String privateHow() {
        return " (openssl genpkey -algorithm X25519 -outform DER | base64 -w0; see " + adr + ")";
    }
}
