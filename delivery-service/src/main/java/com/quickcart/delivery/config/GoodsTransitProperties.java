package com.quickcart.delivery.config;

import com.quickcart.common.goods.GoodsSealer;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.security.PublicKey;

/**
 * The notifier's public key, GOODS_TRANSIT_PUBLIC_KEY (base64 of X.509 DER): goods leave the
 * inventory only sealed for it. delivery-service never holds the matching private key, so what
 * it publishes it cannot read back. See docs/adr/0013.
 */
@ConfigurationProperties("quickcart.goods-transit")
public record GoodsTransitProperties(String publicKey) {

    static final String VARIABLE = "GOODS_TRANSIT_PUBLIC_KEY";

    public GoodsTransitProperties {
        if (publicKey == null || publicKey.isBlank()) {
            throw new IllegalArgumentException(VARIABLE + " must be set: the notifier's X25519 public key, base64 of X.509 DER "
                    + "(openssl pkey -inform DER -pubout -outform DER | base64 -w0; see docs/adr/0013)");
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
            throw new IllegalArgumentException(VARIABLE + ": " + e.getMessage()
                    + " (openssl pkey -inform DER -pubout -outform DER | base64 -w0; see docs/adr/0013)");
        }
    }
}
