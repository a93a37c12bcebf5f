package com.quickcart.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.testsupport.TestEnvironment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Telegram and Pakasir as senders of webhooks: each well-formed update or callback is posted
 * until the ingress answers 200, as both retry (Telegram for a day, Pakasir a few times); what the
 * ingress answered is kept, so a check can ask whether it ever answered 5xx while Kafka was up,
 * and which updates it accepted.
 */
final class Webhooks {

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(150);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String telegramUrl;
    private final String pakasirUrl;
    private final Supplier<Boolean> kafkaUp;
    /** Update ids the ingress answered 200 for: each must be handled by order-service, once. */
    final Set<Long> acceptedUpdates = ConcurrentHashMap.newKeySet();
    /** 5xx answers to well-formed requests while the broker was up: there must be none. */
    final List<String> serverErrorsWhileKafkaUp = new CopyOnWriteArrayList<>();
    final List<String> gaveUp = new CopyOnWriteArrayList<>();

    Webhooks(FaultCluster cluster, Supplier<Boolean> kafkaUp) {
        this.telegramUrl = cluster.ingressUrl("/telegram/webhook");
        this.pakasirUrl = cluster.ingressUrl("/pakasir/webhook");
        this.kafkaUp = kafkaUp;
    }

    /** Posts a Telegram update until it is accepted; false when the ingress never took it. */
    boolean telegram(JsonNode update) {
        boolean accepted = deliver(telegramUrl, update.toString(), "telegram update " + update.path("update_id").asLong());
        if (accepted) {
            acceptedUpdates.add(update.path("update_id").asLong());
        }
        return accepted;
    }

    boolean pakasir(JsonNode callback) {
        return deliver(pakasirUrl, callback.toString(), "pakasir callback " + callback.path("order_id").asText());
    }

    private boolean deliver(String url, String body, String what) {
        Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
        Duration backoff = Duration.ofMillis(200);
        while (Instant.now().isBefore(deadline)) {
            boolean brokerUpBefore = kafkaUp.get();
            int status = post(url, body);
            if (status == 200) {
                return true;
            }
            if (status >= 500 && brokerUpBefore && kafkaUp.get()) {
                serverErrorsWhileKafkaUp.add(Instant.now() + " " + status + " for " + what);
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(3)) > 0 ? Duration.ofSeconds(3) : backoff.multipliedBy(2);
        }
        gaveUp.add(what);
        return false;
    }

    /** The status the ingress answered, or 0 when it could not be reached (a killed ingress). */
    private int post(String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (url.equals(telegramUrl)) {
            request.header("X-Telegram-Bot-Api-Secret-Token", TestEnvironment.WEBHOOK_SECRET);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
