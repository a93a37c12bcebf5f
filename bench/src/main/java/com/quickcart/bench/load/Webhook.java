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
    private static final int IN_FLIGHT = 64;

    private final Endpoints endpoints;
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT);
    private final java.util.concurrent.ExecutorService posters = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

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

    /**
     * Posts on its own virtual thread and returns at once, so an open-loop generator never
     * waits; at most {@link #IN_FLIGHT} posts are on the wire together (Telegram, too, keeps a
     * bounded number of connections to a webhook), the rest queue, and their wait counts as latency.
     */
    public CompletableFuture<Boolean> postAsync(JsonNode update) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                return post(update);
            } finally {
                inFlight.release();
            }
        }, posters);
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
        return HttpRequest.newBuilder(endpoints.webhook()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", endpoints.webhookSecret())
                .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build();
    }
}
