package com.quickcart.ingress.config;

import com.quickcart.common.goods.GoodsSealer;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.security.PublicKey;

/**
 * order-service's update-transit public key, UPDATE_TRANSIT_PUBLIC_KEY (base64 of X.509 DER):
 * the text people type leaves ingress only sealed for it. Ingress cannot open what it sealed.
 * See docs/adr/0022.
 */
@ConfigurationProperties("quickcart.update-transit")
public record UpdateTransitProperties(String publicKey) {

    static final String VARIABLE = "UPDATE_TRANSIT_PUBLIC_KEY";
    private static final String HOW = " (openssl pkey -inform DER -pubout -outform DER | base64 -w0; see docs/adr/0022)";

    public UpdateTransitProperties {
        if (publicKey == null || publicKey.isBlank()) {
            throw new IllegalArgumentException(VARIABLE + " must be set: order-service's X25519 update-transit public key, base64 of X.509 DER" + HOW);
        }
        key(publicKey);
    }

    public PublicKey key() {
        return key(publicKey);
    }

    private static PublicKey key(String base64) {
        try {
            return GoodsSealer.publicKey(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(VARIABLE + ": " + e.getMessage() + HOW);
        }
    }
}
