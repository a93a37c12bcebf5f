package com.quickcart.order.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.Optional;

/**
 * Where a QR message may also link: a checkout page shaped like Pakasir's hosted one
 * ({@code <url>/<amount>?order_id=<id>}). Only the local run sets it (to its fake Pakasir's
 * page, where a developer pays without a banking app); unset, as in production, no link is shown.
 */
@ConfigurationProperties("quickcart.checkout-page")
public record CheckoutPageProperties(String url) {

    public CheckoutPageProperties {
        if (url != null && !url.isBlank()) {
            URI parsed;
            try {
                parsed = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PAKASIR_CHECKOUT_URL is not a URL: " + e.getMessage());
            }
            if (parsed.getHost() == null || !("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))) {
                throw new IllegalArgumentException("PAKASIR_CHECKOUT_URL must be an http(s) URL such as http://127.0.0.1:8091/pay/<project>");
            }
        }
    }

    /** The page for one payment, or nothing when no checkout page is configured. */
    public Optional<String> linkFor(long amount, String paymentId) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return Optional.of(base + "/" + amount + "?order_id=" + paymentId);
    }
}
