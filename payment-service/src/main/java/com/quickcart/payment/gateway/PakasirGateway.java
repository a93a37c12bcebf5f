package com.quickcart.payment.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.payment.config.PakasirProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pakasir's QRIS API: create, detail, cancel. Every call has a timeout, is retried a few times
 * on network errors and 5xx, and goes through a circuit breaker so that a Pakasir outage fails
 * fast instead of holding every checkout. A 429 is not an outage but Pakasir asking us to slow
 * down: it neither opens the circuit nor is retried at once; no call leaves until its
 * {@code Retry-After} has passed. The API key travels in bodies and query strings, so no URL or
 * body is ever logged.
 */
@Component
public class PakasirGateway {

    /** When a 429 names no wait; and the longest wait a Retry-After may impose. */
    private static final Duration DEFAULT_BUSY_WAIT = Duration.ofSeconds(1);
    private static final Duration MAX_BUSY_WAIT = Duration.ofMinutes(1);

    private final PakasirProperties properties;
    private final HttpClient http;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final MeterRegistry meters;
    /** Until when Pakasir asked us (429) to send nothing. */
    private final AtomicReference<Instant> quietUntil = new AtomicReference<>(Instant.EPOCH);

    public PakasirGateway(PakasirProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                // Leave OPEN on time, not on the next call, so the state metric tells the truth.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordExceptions(GatewayUnavailable.class)
                // Rate limiting says Pakasir is up and busy; counting it would shut QRIS for everyone.
                .ignoreExceptions(GatewayBusy.class)
                .build());
        this.breaker = breakers.circuitBreaker("pakasir");
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        this.retry = Retry.of("pakasir", RetryConfig.custom()
                .maxAttempts(properties.maxAttempts())
                .waitDuration(Duration.ofMillis(200))
                .retryExceptions(GatewayUnavailable.class)
                .ignoreExceptions(CallNotPermittedException.class, GatewayBusy.class)
                .build());
    }

    /** A QRIS transaction: the QR string and what the customer pays, fee included. */
    public Transaction createQris(String orderId, long amount) {
        JsonNode payment = call("create", () -> post("/api/transactioncreate/qris", body(orderId, amount))).path("payment");
        if (!payment.path("payment_number").isTextual() || !payment.path("total_payment").canConvertToLong()) {
            throw new GatewayUnavailable("Pakasir answered without a QRIS payment", null);
        }
        return new Transaction(payment.path("fee").asLong(), payment.path("total_payment").asLong(),
                payment.path("payment_number").asText(), Instant.parse(payment.path("expired_at").asText()));
    }

    /** Pakasir's own word on a transaction: its status and amount. */
    public Detail detail(String orderId, long amount) {
        String query = "project=" + enc(properties.project()) + "&amount=" + amount + "&order_id=" + enc(orderId)
                + "&api_key=" + enc(properties.apiKey());
        JsonNode transaction = call("detail", () -> send(HttpRequest.newBuilder(uri("/api/transactiondetail?" + query)).GET())).path("transaction");
        return new Detail(transaction.path("order_id").asText(), transaction.path("amount").asLong(-1),
                transaction.path("status").asText(""));
    }

    public void cancel(String orderId, long amount) {
        call("cancel", () -> post("/api/transactioncancel", body(orderId, amount)));
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    /** One logical call (retries included), counted by its outcome: what the SRE's Pakasir panel shows. */
    private JsonNode call(String operation, java.util.concurrent.Callable<JsonNode> request) {
        String outcome = "unavailable";
        try {
            if (Instant.now().isBefore(quietUntil.get())) {
                throw new GatewayBusy("Pakasir asked us to wait until " + quietUntil.get());
            }
            JsonNode answer = retry.executeCallable(() -> breaker.executeCallable(request));
            outcome = "success";
            return answer;
        } catch (CallNotPermittedException open) {
            outcome = "circuit_open";
            throw new GatewayUnavailable("Pakasir circuit is open", open);
        } catch (GatewayRejected e) {
            outcome = "rejected";
            throw e;
        } catch (GatewayBusy e) {
            outcome = "throttled";
            throw e;
        } catch (GatewayUnavailable e) {
            throw e;
        } catch (Exception e) {
            throw new GatewayUnavailable("Pakasir call failed: " + e.getClass().getSimpleName(), e);
        } finally {
            meters.counter("quickcart.pakasir.calls", "operation", operation, "outcome", outcome).increment();
        }
    }

    private Map<String, Object> body(String orderId, long amount) {
        return Map.of("project", properties.project(), "order_id", orderId, "amount", amount, "api_key", properties.apiKey());
    }

    private JsonNode post(String path, Map<String, Object> body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EventCodec.mapper().writeValueAsBytes(body))));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.timeout(properties.timeout()).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new GatewayUnavailable("Pakasir unreachable or too slow: " + e.getClass().getSimpleName(), e);
        }
        if (response.statusCode() == 429) {
            Duration wait = retryAfter(response);
            quietUntil.accumulateAndGet(Instant.now().plus(wait), (a, b) -> a.isAfter(b) ? a : b);
            throw new GatewayBusy("Pakasir answered HTTP 429: waiting " + wait.toMillis() + " ms");
        }
        if (response.statusCode() >= 500) {
            throw new GatewayUnavailable("Pakasir answered HTTP " + response.statusCode(), null);
        }
        if (response.statusCode() >= 400) {
            throw new GatewayRejected("Pakasir refused the request with HTTP " + response.statusCode());
        }
        JsonNode json = EventCodec.mapper().readTree(response.body());
        return json == null ? EventCodec.mapper().createObjectNode() : json;
    }

    /** Pakasir's Retry-After (seconds or an HTTP date), bounded so a bad header cannot stop payments for long. */
    private static Duration retryAfter(HttpResponse<?> response) {
        Duration wait = response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.trim()));
            } catch (NumberFormatException notSeconds) {
                try {
                    return Duration.between(Instant.now(), ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (DateTimeParseException neither) {
                    return DEFAULT_BUSY_WAIT;
                }
            }
        }).orElse(DEFAULT_BUSY_WAIT);
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_BUSY_WAIT) > 0 ? MAX_BUSY_WAIT : wait;
    }

    private URI uri(String pathAndQuery) {
        return URI.create(properties.url().toString().replaceAll("/+$", "") + pathAndQuery);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public record Transaction(long fee, long totalPayment, String qrString, Instant expiresAt) {
    }

    public record Detail(String orderId, long amount, String status) {
        public boolean completed() {
            return "completed".equals(status);
        }
    }

    /** Pakasir is down, slow, or the circuit is open: try later, or pay another way. */
    public static class GatewayUnavailable extends RuntimeException {
        public GatewayUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Pakasir answered 429: it is up but wants fewer calls. Try later; it says nothing about an outage. */
    public static class GatewayBusy extends GatewayUnavailable {
        public GatewayBusy(String message) {
            super(message, null);
        }
    }

    /** Pakasir said no (4xx): retrying the same request will not help. */
    public static class GatewayRejected extends RuntimeException {
        public GatewayRejected(String message) {
            super(message);
        }
    }
}
