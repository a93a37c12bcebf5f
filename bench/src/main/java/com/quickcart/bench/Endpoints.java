package com.quickcart.bench;

import java.net.URI;

/**
 * Where the local cluster listens, as deploy/local/up.sh started it for bench/run.sh: the
 * ingress's public webhook, the broker, the database, and the port of the fake Bot API the
 * services were pointed at (the benchmark hosts it, to see each reply arrive).
 */
public record Endpoints(URI ingress, URI ingressManagement, String webhookSecret, String kafka, String jdbcUrl, String dbUser,
                        int botApiPort, String botToken, String inventoryKey) {

    public static Endpoints fromEnvironment() {
        return new Endpoints(
                URI.create("http://127.0.0.1:" + env("INGRESS_PORT", "8080")),
                URI.create("http://127.0.0.1:" + env("INGRESS_MANAGEMENT_PORT", "8180")),
                env("TELEGRAM_WEBHOOK_SECRET", "local-dev-secret"),
                env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                env("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/quickcart"),
                env("DATABASE_USER", "postgres"),
                Integer.parseInt(env("BENCH_BOT_API_PORT", "8095")),
                env("TELEGRAM_BOT_TOKEN", "123456:BENCH-fake-bot-token"),
                System.getenv("INVENTORY_KEY"));
    }

    public URI webhook() {
        return ingress.resolve("/telegram/webhook");
    }

    /** The ingress's liveness probe: the same JVM and server stack, on its management port (only the webhooks face the internet). */
    public URI liveness() {
        return ingressManagement.resolve("/actuator/health/liveness");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
