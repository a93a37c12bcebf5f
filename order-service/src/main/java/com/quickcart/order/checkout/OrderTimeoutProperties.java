package com.quickcart.order.checkout;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long an order may wait in each state before order-service acts (ORDER_PENDING_TIMEOUT,
 * ORDER_PAYMENT_TIMEOUT). The payment timeout must outlast a QRIS code (about 10 minutes at
 * Pakasir) plus payment-service's grace, so the normal expiry always comes first and the
 * timeout only catches orders whose events were lost or dead-lettered.
 */
@ConfigurationProperties("quickcart.orders")
public record OrderTimeoutProperties(
        @DefaultValue("5m") Duration pendingTimeout,
        @DefaultValue("30m") Duration paymentTimeout,
        @DefaultValue("5m") Duration cancelRetry,
        @DefaultValue("30s") Duration checkEvery) {

    public OrderTimeoutProperties {
        if (pendingTimeout.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("ORDER_PENDING_TIMEOUT must be at least 10s, was " + pendingTimeout);
        }
        if (paymentTimeout.compareTo(Duration.ofMinutes(15)) < 0) {
            throw new IllegalArgumentException("ORDER_PAYMENT_TIMEOUT must be at least 15m (a QRIS code lives about 10m), was "
                    + paymentTimeout);
        }
        if (cancelRetry.compareTo(Duration.ofSeconds(10)) < 0 || checkEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("quickcart.orders.cancel-retry must be >= 10s and check-every >= 1s");
        }
    }
}
