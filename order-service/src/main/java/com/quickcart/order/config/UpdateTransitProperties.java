package com.quickcart.order.config;

import com.quickcart.common.goods.GoodsOpener;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The private key that opens the text ingress seals on telegram.updates,
 * UPDATE_TRANSIT_PRIVATE_KEY (base64 of PKCS#8 DER), and UPDATE_TRANSIT_PREVIOUS_PRIVATE_KEYS
 * (comma-separated, same form) for updates sealed before a rotation. Only order-service holds
 * them. See docs/adr/0022.
 */
@ConfigurationProperties("quickcart.update-transit")
public record UpdateTransitProperties(String privateKey, @DefaultValue("") String previousPrivateKeys) {

    static final String CURRENT = "UPDATE_TRANSIT_PRIVATE_KEY";
    static final String PREVIOUS = "UPDATE_TRANSIT_PREVIOUS_PRIVATE_KEYS";
    private static final String HOW = " (openssl genpkey -algorithm X25519 -outform DER | base64 -w0; see docs/adr/0022)";

    public UpdateTransitProperties {
        if (privateKey == null || privateKey.isBlank()) {
            throw new IllegalArgumentException(CURRENT + " must be set: order-service's X25519 private key, base64 of PKCS#8 DER" + HOW);
        }
        key(privateKey, CURRENT);
        keys(previousPrivateKeys);
    }

    public PrivateKey current() {
        return key(privateKey, CURRENT);
    }

    public List<PrivateKey> previous() {
        return keys(previousPrivateKeys);
    }

    private static List<PrivateKey> keys(String list) {
        List<PrivateKey> keys = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return keys;
        }
        int position = 0;
        for (String entry : list.split(",", -1)) {
            position++;
            if (entry.isBlank()) {
                throw new IllegalArgumentException(PREVIOUS + ": entry " + position + " is empty; entries are comma-separated keys" + HOW);
            }
            keys.add(key(entry, PREVIOUS + " (entry " + position + ")"));
        }
        return keys;
    }

    private static PrivateKey key(String base64, String name) {
        try {
            return GoodsOpener.privateKey(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage() + HOW);
        }
    }

    /** Never the keys themselves: a record's default toString would print them into a failure report. */
    @Override
    public String toString() {
        return "UpdateTransitProperties[privateKey=(hidden), previousPrivateKeys=(hidden)]";
    }
}
