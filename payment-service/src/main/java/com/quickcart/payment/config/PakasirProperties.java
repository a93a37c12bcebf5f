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
        @DefaultValue("2m") Duration expiryGrace,
        // Callbacks for a pending payment within this window share one detail call.
        @DefaultValue("5s") Duration verifyAtMostEvery,
        // A payment that ended unpaid costs at most one detail call per this interval, however many callbacks name it.
        @DefaultValue("5m") Duration lateMoneyCheckEvery,
        // How long one instance owns a payment's Pakasir call before another may take it over (after a crash).
        @DefaultValue("1m") Duration callLease) {

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
        if (verifyAtMostEvery.isNegative() || lateMoneyCheckEvery.isNegative()) {
            throw new IllegalArgumentException("quickcart.pakasir.verify-at-most-every and late-money-check-every must not be negative");
        }
        if (callLease.compareTo(timeout.multipliedBy(maxAttempts + 1L)) <= 0) {
            throw new IllegalArgumentException("quickcart.pakasir.call-lease must outlast a call with its retries");
        }
    }
}
