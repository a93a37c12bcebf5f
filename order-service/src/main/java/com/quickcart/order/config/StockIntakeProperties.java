package com.quickcart.order.config;

import com.quickcart.common.goods.GoodsSealer;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.security.PublicKey;

/**
 * delivery-service's stock-intake public key, STOCK_INTAKE_PUBLIC_KEY (base64 of X.509 DER):
 * goods an operator pastes leave order-service only sealed for it. See docs/adr/0022.
 */
@ConfigurationProperties("quickcart.stock-intake")
public record StockIntakeProperties(String publicKey) {

    static final String VARIABLE = "STOCK_INTAKE_PUBLIC_KEY";
    private static final String HOW = " (openssl pkey -inform DER -pubout -outform DER | base64 -w0; see docs/adr/0022)";

    public StockIntakeProperties {
        if (publicKey == null || publicKey.isBlank()) {
            throw new IllegalArgumentException(VARIABLE + " must be set: delivery-service's X25519 stock-intake public key, base64 of X.509 DER" + HOW);
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
