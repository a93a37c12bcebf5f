package com.quickcart.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.bench.Endpoints;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Posts Telegram updates to the ingress exactly as Telegram does: JSON body, secret header. */
public final class Webhook {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Endpoints endpoints;

    public Webhook(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** True when the ingress accepted the update (200: Kafka acknowledged it). */
    public boolean post(JsonNode update) {
        try {
            return http.send(request(update), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public CompletableFuture<Boolean> postAsync(JsonNode update) {
        return http.sendAsync(request(update), HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200).exceptionally(e -> false);
    }

    /** The same server stack doing no work of ours: the ingress's liveness probe. */
    public boolean probe(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest request(JsonNode update) {
        return HttpRequest.newBuilder(endpoints.webhook()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", endpoints.webhookSecret())
                .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build();
    }
}
