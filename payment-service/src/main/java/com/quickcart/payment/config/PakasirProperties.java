package com.quickcart.payment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/** Pakasir as payment-service calls it (the only holder of the API key) and the money rules around it. */
@ConfigurationProperties("quickcart.pakasir")
public record PakasirProperties(
        @DefaultValue("https://app.pakasir.com") URI url,
        String project,
        String apiKey,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("30s") Duration circuitOpenFor,
        @DefaultValue("10s") Duration expiryCheckEvery,
        @DefaultValue("2m") Duration expiryGrace) {

    public PakasirProperties {
        if (project == null || project.isBlank()) {
            throw new IllegalArgumentException("PAKASIR_PROJECT must be set");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("PAKASIR_API_KEY must be set (only payment-service holds it)");
        }
        if (url.getScheme() == null || !(url.getScheme().equals("https") || url.getScheme().equals("http"))) {
            throw new IllegalArgumentException("PAKASIR_API_URL must be an http(s) URL");
        }
        if (maxAttempts < 1 || maxAttempts > 5) {
            throw new IllegalArgumentException("quickcart.pakasir.max-attempts must be 1..5");
        }
    }
}
