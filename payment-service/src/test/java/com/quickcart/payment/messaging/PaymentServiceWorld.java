package com.quickcart.payment.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.events.pakasir.PakasirCallbackReceived;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.common.events.payment.PaymentRequested;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.testsupport.FakePakasir;
import com.quickcart.testsupport.TestDatabase;
import com.quickcart.testsupport.TestEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * payment-service's side of Kafka, played by a test: records are handed to the real listener
 * method as the container would, and what the service published is read from its outbox (the
 * relay is off, so nothing leaves). Pakasir is the fake, on a database of the test's own.
 */
final class PaymentServiceWorld {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final EventCodec codec = new EventCodec(Clock.systemUTC());

    static Map<String, Object> environment(FakePakasir pakasir) {
        Map<String, Object> environment = TestEnvironment.infrastructure();
        environment.put("DATABASE_URL", TestDatabase.freshJdbcUrl());
        environment.put("PAKASIR_API_URL", pakasir.baseUrl());
        environment.put("PAKASIR_API_KEY", FakePakasir.API_KEY);
        environment.put("PAKASIR_TIMEOUT", "10s");
        environment.put("PAKASIR_EXPIRY_GRACE", "0s");
        environment.put("spring.kafka.listener.auto-startup", "false");
        environment.put("quickcart.messaging.outbox-relay-auto-startup", "false");
        // Time is the test's: sweeps run only when a test calls them with the instant it chooses.
        environment.put("quickcart.pakasir.expiry-check-every", "1h");
        // Wide enough that a slow machine never lets it pass between two steps of a test.
        environment.put("quickcart.pakasir.verify-at-most-every", "30s");
        return environment;
    }

    static String newOrderId() {
        return "QC-T" + Long.toString(NEXT.incrementAndGet(), 36).toUpperCase();
    }

    EventEnvelope paymentRequested(String id, PaymentMethod method, long userId, long amount) {
        return codec.wrap(id, new PaymentRequested(id, PaymentPurpose.ORDER, userId, amount, method));
    }

    /** A webhook body as the ingress publishes it: a new event id for every {@code completedAt}. */
    EventEnvelope callback(String id, long amount, String completedAt) {
        UUID eventId = UUID.nameUUIDFromBytes(("pakasir:" + id + ":" + amount + ":completed:" + completedAt).getBytes());
        return codec.wrap(eventId, id, new PakasirCallbackReceived(id, amount, FakePakasir.PROJECT, "completed", "qris", completedAt));
    }

    /** The event types payment-service published for a payment, in order. */
    static List<String> published(JdbcClient jdbc, String id) {
        return jdbc.sql("SELECT envelope FROM outbox WHERE event_key = :id ORDER BY seq").param("id", id)
                .query(String.class).list().stream().map(EventCodec::decode).map(EventEnvelope::type).toList();
    }

    static String status(JdbcClient jdbc, String id) {
        return jdbc.sql("SELECT status FROM payments WHERE id = :id").param("id", id).query(String.class).single();
    }
}
