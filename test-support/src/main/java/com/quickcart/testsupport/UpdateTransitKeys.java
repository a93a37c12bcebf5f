package com.quickcart.testsupport;

import java.security.KeyPair;
import java.util.Base64;

/**
 * An update-transit key pair generated for this test JVM, in the form the services read:
 * UPDATE_TRANSIT_PRIVATE_KEY (order-service, base64 PKCS#8 DER) and UPDATE_TRANSIT_PUBLIC_KEY
 * (ingress-service, base64 X.509 DER). {@link TestEnvironment#infrastructure()} hands both to
 * every service under test.
 */
public final class UpdateTransitKeys {

    private static final KeyPair PAIR = GoodsTransitKeys.generate();

    public static final String PUBLIC_KEY_VARIABLE = "UPDATE_TRANSIT_PUBLIC_KEY";
    public static final String PRIVATE_KEY_VARIABLE = "UPDATE_TRANSIT_PRIVATE_KEY";

    public static String publicKey() {
        return Base64.getEncoder().encodeToString(PAIR.getPublic().getEncoded());
    }

    public static String privateKey() {
        return Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded());
    }

    private UpdateTransitKeys() {
    }
}
