package com.quickcart.testsupport;

import java.util.HashMap;
import java.util.Map;

/** The real infrastructure a service under test is pointed at, as Spring properties. */
public final class TestEnvironment {

    public static final String WEBHOOK_SECRET = "test-webhook-secret-long-enough-for-production";
    public static final String PAKASIR_PROJECT = "quickcart-test";

    /**
     * Kafka and PostgreSQL for any service, with random HTTP ports. Keys are the documented
     * environment variables, so tests exercise the same configuration path as a deployment.
     */
    public static Map<String, Object> infrastructure() {
        return infrastructure(KafkaBroker.bootstrapServers(), TestDatabase.jdbcUrl(), TestDatabase.user());
    }

    /** The same settings on a broker and database of the caller's own (the fault-injection suite restarts both). */
    public static Map<String, Object> infrastructure(String kafkaBootstrapServers, String databaseUrl, String databaseUser) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        properties.put("DATABASE_URL", databaseUrl);
        properties.put("DATABASE_USER", databaseUser);
        for (String port : new String[]{"INGRESS_PORT", "ORDER_PORT", "PAYMENT_PORT", "DELIVERY_PORT", "NOTIFIER_PORT"}) {
            properties.put(port, "0");
        }
        properties.put("INGRESS_MANAGEMENT_PORT", "0");
        properties.put("TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET);
        properties.put("PAKASIR_PROJECT", PAKASIR_PROJECT);
        properties.put("TELEGRAM_BOT_TOKEN", FakeTelegramBotApi.TOKEN);
        properties.put(StockIntakeKeys.PRIVATE_KEY_VARIABLE, StockIntakeKeys.privateKey());
        properties.put(StockIntakeKeys.PUBLIC_KEY_VARIABLE, StockIntakeKeys.publicKey());
        properties.put(UpdateTransitKeys.PRIVATE_KEY_VARIABLE, UpdateTransitKeys.privateKey());
        properties.put(UpdateTransitKeys.PUBLIC_KEY_VARIABLE, UpdateTransitKeys.publicKey());
        properties.put("quickcart.messaging.outbox-poll-interval", "100ms");
        properties.put("quickcart.messaging.retry-backoff", "50ms");
        return properties;
    }

    private TestEnvironment() {
    }
}
