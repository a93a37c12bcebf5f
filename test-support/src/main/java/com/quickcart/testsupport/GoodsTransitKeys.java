package com.quickcart.testsupport;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * A goods-transit key pair generated for this test JVM, in the form the services read:
 * GOODS_TRANSIT_PUBLIC_KEY (delivery-service, base64 X.509 DER) and GOODS_TRANSIT_PRIVATE_KEY
 * (notifier-service, base64 PKCS#8 DER). No fixed key is shared between tests and the local run.
 */
public final class GoodsTransitKeys {

    private static final KeyPair PAIR = generate();

    public static final String PUBLIC_KEY_VARIABLE = "GOODS_TRANSIT_PUBLIC_KEY";
    public static final String PRIVATE_KEY_VARIABLE = "GOODS_TRANSIT_PRIVATE_KEY";

    public static String publicKey() {
        return Base64.getEncoder().encodeToString(PAIR.getPublic().getEncoded());
    }

    public static String privateKey() {
        return Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded());
    }

    /** A pair of its own, for tests of rotation or of a wrong key. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("X25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 unavailable", e);
        }
    }

    private GoodsTransitKeys() {
    }
}
