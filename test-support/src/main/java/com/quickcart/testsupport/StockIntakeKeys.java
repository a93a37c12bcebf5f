package com.quickcart.testsupport;

import java.security.KeyPair;
import java.util.Base64;

/**
 * A stock-intake key pair generated for this test JVM, in the form the services read:
 * STOCK_INTAKE_PRIVATE_KEY (delivery-service, base64 PKCS#8 DER) and STOCK_INTAKE_PUBLIC_KEY
 * (notifier-service, base64 X.509 DER). {@link TestEnvironment#infrastructure()} hands both to
 * every service under test.
 */
public final class StockIntakeKeys {

    private static final KeyPair PAIR = GoodsTransitKeys.generate();

    public static final String PUBLIC_KEY_VARIABLE = "STOCK_INTAKE_PUBLIC_KEY";
    public static final String PRIVATE_KEY_VARIABLE = "STOCK_INTAKE_PRIVATE_KEY";

    public static String publicKey() {
        return Base64.getEncoder().encodeToString(PAIR.getPublic().getEncoded());
    }

    public static String privateKey() {
        return Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded());
    }

    private StockIntakeKeys() {
    }
}
