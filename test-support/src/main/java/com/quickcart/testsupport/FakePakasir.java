package com.quickcart.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server that answers like Pakasir's API ({@code app.pakasir.com/api}): create a QRIS
 * transaction, transaction detail, cancel, and the sandbox payment simulation, which marks the
 * transaction paid and posts Pakasir's webhook body to the configured URL, as Pakasir does.
 * Fee: 0.7 % + Rp 310, rounded up. Failures and slowness can be scripted per path. It also
 * serves a checkout page shaped like Pakasir's hosted one ({@link PakasirCheckoutPage}).
 */
public final class FakePakasir extends FakeHttpServer {

    public static final String PROJECT = TestEnvironment.PAKASIR_PROJECT;
    public static final String API_KEY = "test-pakasir-api-key";

    private final String project;
    private final String apiKey;
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile Duration validity = Duration.ofMinutes(10);
    private volatile Duration delay = Duration.ZERO;
    private volatile Duration retryAfter;
    private volatile String webhookUrl;

    public FakePakasir() {
        this(0, PROJECT, API_KEY);
    }

    public FakePakasir(int port, String project, String apiKey) {
        super(port, 8);
        this.project = project;
        this.apiKey = apiKey;
        route("/api/", this::handle);
        route("/pay/", new PakasirCheckoutPage(this)::handle);
    }

    /** The value for {@code PAKASIR_CHECKOUT_URL}: the hosted checkout page of this project, up to the amount. */
    public String checkoutUrl() {
        return baseUrl() + "/pay/" + project;
    }

    String project() {
        return project;
    }

    /** Where the payment simulation posts its webhook (the ingress' /pakasir/webhook). */
    public void webhookUrl(String url) {
        this.webhookUrl = url;
    }

    public void validity(Duration validity) {
        this.validity = validity;
    }

    /** Every answer waits this long first (a slow gateway). */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** The {@code Retry-After} that scripted 429 answers carry (in seconds); null: none, as some gateways send. */
    public void retryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    public synchronized void failNext(String path, int count, int status) {
        for (int i = 0; i < count; i++) {
            failures.add(new Failure(path, status));
        }
    }

    public synchronized void clearFailures() {
        failures.clear();
    }

    /** The paths called, in order ("/api/transactioncreate/qris", ...). */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public long callCount(String path) {
        return calls.stream().filter(path::equals).count();
    }

    public Transaction transaction(String orderId) {
        return transactions.get(orderId);
    }

    /** The customer paid (status completed), without a webhook. */
    public void markPaid(String orderId) {
        Transaction transaction = transactions.get(orderId);
        if (transaction == null) {
            throw new IllegalArgumentException("no Pakasir transaction " + orderId);
        }
        transaction.status = "completed";
        transaction.completedAt = OffsetDateTime.now(ZoneOffset.ofHours(7)).toString();
    }

    /**
     * The customer pays in their banking app, which Pakasir refuses once the code has expired or
     * the merchant cancelled it; true when the payment went through (status completed).
     */
    public boolean pay(String orderId) {
        Transaction transaction = transactions.get(orderId);
        if (transaction == null) {
            throw new IllegalArgumentException("no Pakasir transaction " + orderId);
        }
        synchronized (transaction) {
            if (!transaction.status.equals("pending") || Instant.now().isAfter(transaction.expiresAt)) {
                return false;
            }
            markPaid(orderId);
            return true;
        }
    }

    /** Pakasir's webhook body for a transaction, as Pakasir sends it. */
    public ObjectNode webhookBody(String orderId) {
        Transaction t = transactions.get(orderId);
        return JSON.createObjectNode().put("amount", t.amount).put("order_id", orderId).put("project", project)
                .put("status", t.status).put("payment_method", "qris").put("completed_at", t.completedAt);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            calls.add(path);
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            Failure failure = takeFailure(path);
            if (failure != null) {
                Duration wait = retryAfter;
                if (failure.status() == 429 && wait != null) {
                    exchange.getResponseHeaders().set("Retry-After", Long.toString(wait.toSeconds()));
                }
                respond(exchange, failure.status(), JSON.createObjectNode().put("error", "internal error"));
                return;
            }
            Map<String, String> params = params(exchange);
            if (!apiKey.equals(params.get("api_key")) || !project.equals(params.get("project"))) {
                respond(exchange, 401, JSON.createObjectNode().put("error", "invalid project or api_key"));
                return;
            }
            switch (path) {
                case "/api/transactioncreate/qris" -> create(exchange, params);
                case "/api/transactiondetail" -> detail(exchange, params);
                case "/api/transactioncancel" -> cancel(exchange, params);
                case "/api/paymentsimulation" -> simulate(exchange, params);
                default -> respond(exchange, 404, JSON.createObjectNode().put("error", "not found"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void create(HttpExchange exchange, Map<String, String> params) throws IOException {
        long amount = Long.parseLong(params.getOrDefault("amount", "0"));
        String orderId = params.get("order_id");
        if (amount < 1 || orderId == null || orderId.isBlank()) {
            respond(exchange, 400, JSON.createObjectNode().put("error", "amount and order_id are required"));
            return;
        }
        long fee = (amount * 7 + 999) / 1000 + 310;
        Transaction transaction = transactions.computeIfAbsent(orderId,
                id -> new Transaction(id, amount, fee, Instant.now().plus(validity)));
        ObjectNode payment = JSON.createObjectNode();
        payment.putObject("payment").put("project", project).put("order_id", orderId).put("amount", transaction.amount)
                .put("fee", transaction.fee).put("total_payment", transaction.amount + transaction.fee)
                .put("payment_method", "qris")
                .put("payment_number", "00020101021226610016ID.CO.QRIS.WWW0118" + orderId + "5204599953033605405"
                        + (transaction.amount + transaction.fee) + "5802ID5909QUICKCART6007JAKARTA6304ABCD")
                .put("expired_at", transaction.expiresAt.toString());
        respond(exchange, 200, payment);
    }

    private void detail(HttpExchange exchange, Map<String, String> params) throws IOException {
        Transaction t = transactions.get(params.get("order_id"));
        if (t == null || t.amount != Long.parseLong(params.getOrDefault("amount", "-1"))) {
            respond(exchange, 404, JSON.createObjectNode().put("error", "transaction not found"));
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode transaction = body.putObject("transaction").put("project", project).put("order_id", t.orderId)
                .put("amount", t.amount).put("status", t.status).put("payment_method", "qris");
        if (t.completedAt != null) {
            transaction.put("completed_at", t.completedAt);
        }
        respond(exchange, 200, body);
    }

    private void cancel(HttpExchange exchange, Map<String, String> params) throws IOException {
        Transaction t = transactions.get(params.get("order_id"));
        if (t != null) {
            synchronized (t) { // a payment and a cancel of the same code do not cross
                if (t.status.equals("pending")) {
                    t.status = "canceled";
                }
            }
        }
        respond(exchange, 200, JSON.createObjectNode().put("success", true));
    }

    private void simulate(HttpExchange exchange, Map<String, String> params) throws IOException, InterruptedException {
        String orderId = params.get("order_id");
        if (!transactions.containsKey(orderId)) {
            respond(exchange, 404, JSON.createObjectNode().put("error", "transaction not found"));
            return;
        }
        markPaid(orderId);
        respond(exchange, 200, JSON.createObjectNode().put("success", true));
        sendWebhook(orderId);
    }

    /** Posts Pakasir's webhook for a transaction to the configured URL, as Pakasir does once it is paid. */
    void sendWebhook(String orderId) throws IOException, InterruptedException {
        if (webhookUrl != null) {
            http.send(HttpRequest.newBuilder(URI.create(webhookUrl)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(webhookBody(orderId).toString())).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    /** The customer let the code run out: Pakasir reports the transaction expired from now on. */
    void markExpired(String orderId) {
        Transaction transaction = transactions.get(orderId);
        if (transaction != null && transaction.status.equals("pending")) {
            transaction.status = "expired";
        }
    }

    private synchronized Failure takeFailure(String path) {
        for (var it = failures.iterator(); it.hasNext(); ) {
            Failure failure = it.next();
            if (failure.path().equals(path)) {
                it.remove();
                return failure;
            }
        }
        return null;
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new HashMap<>(form(exchange.getRequestURI().getRawQuery()));
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 0) {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.isObject()) {
                json.fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().asText()));
            }
        }
        return params;
    }

    private record Failure(String path, int status) {
    }

    /** One transaction as Pakasir holds it. */
    public static final class Transaction {
        final String orderId;
        final long amount;
        final long fee;
        final Instant expiresAt;
        volatile String status = "pending";
        volatile String completedAt;

        Transaction(String orderId, long amount, long fee, Instant expiresAt) {
            this.orderId = orderId;
            this.amount = amount;
            this.fee = fee;
            this.expiresAt = expiresAt;
        }

        public String status() {
            return status;
        }

        public long amount() {
            return amount;
        }

        public long totalPayment() {
            return amount + fee;
        }

        public long fee() {
            return fee;
        }

        public Instant expiresAt() {
            return expiresAt;
        }
    }
}
