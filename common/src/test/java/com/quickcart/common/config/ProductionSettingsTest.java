package com.quickcart.common.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.mock.env.MockEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each unsafe production setting stops the service with a message that names the variable to change. */
class ProductionSettingsTest {

    private static final String STRONG_SECRET = "a".repeat(ProductionSettings.MIN_WEBHOOK_SECRET_LENGTH);
    private static final String OWN_KEY = "3q2+796tvu/erb7v3q2+796tvu/erb7v3q2+796tvu8=";

    @Test
    void aSafeProductionIngressPaymentDeliveryAndNotifierPass() {
        MockEnvironment safe = new MockEnvironment()
                .withProperty("quickcart.ingress.telegram-webhook-secret", STRONG_SECRET)
                .withProperty("quickcart.ingress.telegram-api-url", "https://api.telegram.org")
                .withProperty("quickcart.ingress.telegram-bot-token", "987654:real-token")
                .withProperty("quickcart.inventory.key", OWN_KEY)
                .withProperty("quickcart.inventory.previous-keys", "1:" + OWN_KEY)
                .withProperty("quickcart.pakasir.api-key", "pk_live_abc")
                .withProperty("quickcart.pakasir.url", "https://app.pakasir.com")
                .withProperty("quickcart.bot-api.token", "987654:real-token")
                .withProperty("quickcart.bot-api.url", "https://api.telegram.org");

        assertThat(ProductionSettings.problems(safe)).isEmpty();
    }

    @Test
    void aShortWebhookSecretIsRefusedNamingTelegramWebhookSecret() {
        assertThat(problems("quickcart.ingress.telegram-webhook-secret", "local-dev-secret"))
                .singleElement().asString().startsWith("TELEGRAM_WEBHOOK_SECRET is 16 characters").contains("at least 32");
    }

    @Test
    void theLocalDevelopmentInventoryKeyIsRefusedAsCurrentOrPreviousKey() {
        assertThat(problems("quickcart.inventory.key", ProductionSettings.LOCAL_INVENTORY_KEY))
                .singleElement().asString().startsWith("INVENTORY_KEY is the local development key");
        assertThat(problems("quickcart.inventory.previous-keys", "1:" + OWN_KEY + ",2:" + ProductionSettings.LOCAL_INVENTORY_KEY))
                .singleElement().asString().startsWith("INVENTORY_PREVIOUS_KEYS holds the local development key");
    }

    @Test
    void theLocalFakesCredentialsAreRefused() {
        assertThat(problems("quickcart.pakasir.api-key", ProductionSettings.LOCAL_PAKASIR_API_KEY))
                .singleElement().asString().startsWith("PAKASIR_API_KEY is the local fake's key");
        assertThat(problems("quickcart.bot-api.token", ProductionSettings.LOCAL_BOT_TOKEN))
                .singleElement().asString().startsWith("TELEGRAM_BOT_TOKEN is the local fake's token");
        assertThat(problems("quickcart.ingress.telegram-bot-token", ProductionSettings.LOCAL_BOT_TOKEN))
                .singleElement().asString().startsWith("TELEGRAM_BOT_TOKEN");
    }

    @Test
    void plainHttpToAnOutsideApiIsRefusedButLoopbackIsAllowed() {
        assertThat(problems("quickcart.pakasir.url", "http://app.pakasir.com"))
                .singleElement().asString().startsWith("PAKASIR_API_URL is plain http").contains("API key");
        assertThat(problems("quickcart.bot-api.url", "http://api.telegram.org"))
                .singleElement().asString().startsWith("TELEGRAM_API_URL is plain http").contains("bot token");
        assertThat(problems("quickcart.ingress.telegram-api-url", "http://10.0.0.5:8081"))
                .singleElement().asString().startsWith("TELEGRAM_API_URL is plain http");
        assertThat(problems("quickcart.pakasir.url", "http://127.0.0.1:8091")).isEmpty();
        assertThat(problems("quickcart.bot-api.url", "http://localhost:8090")).isEmpty();
    }

    @Test
    void aBrokerOffLoopbackWithoutAuthenticationIsRefusedNamingKafkaSecurityProtocol() {
        assertThat(problems("spring.kafka.bootstrap-servers", "kafka:9092"))
                .singleElement().asString().startsWith("KAFKA_SECURITY_PROTOCOL is PLAINTEXT for a broker off loopback (kafka:9092)");
        assertThat(ProductionSettings.problems(new MockEnvironment()
                .withProperty("spring.kafka.bootstrap-servers", "127.0.0.1:9092,b-1.example.com:9096")
                .withProperty("quickcart.kafka.security-protocol", "plaintext")))
                .singleElement().asString().contains("(b-1.example.com:9096)");
    }

    @Test
    void saslPlainOverAnUnencryptedConnectionIsRefusedButScramOrTlsPass() {
        MockEnvironment plain = new MockEnvironment().withProperty("spring.kafka.bootstrap-servers", "kafka:9092")
                .withProperty("quickcart.kafka.security-protocol", "SASL_PLAINTEXT").withProperty("quickcart.kafka.sasl-mechanism", "PLAIN");
        assertThat(ProductionSettings.problems(plain)).singleElement().asString()
                .startsWith("KAFKA_SASL_MECHANISM is PLAIN over SASL_PLAINTEXT");

        assertThat(ProductionSettings.problems(plain.withProperty("quickcart.kafka.sasl-mechanism", "SCRAM-SHA-512"))).isEmpty();
        assertThat(ProductionSettings.problems(plain.withProperty("quickcart.kafka.security-protocol", "SASL_SSL")
                .withProperty("quickcart.kafka.sasl-mechanism", "PLAIN"))).isEmpty();
    }

    @Test
    void anUnauthenticatedBrokerOnLoopbackIsTheLocalRunsAndPasses() {
        assertThat(problems("spring.kafka.bootstrap-servers", "127.0.0.1:9092,localhost:9093,[::1]:9094")).isEmpty();
    }

    @Test
    void aServiceChecksOnlyTheSettingsItReads() {
        // A notifier has no quickcart.ingress.* keys: the ingress's short secret is not its concern.
        assertThat(ProductionSettings.problems(new MockEnvironment().withProperty("quickcart.bot-api.token", "987654:real"))).isEmpty();
    }

    @Test
    void theLocalProfileMayUseEveryStandIn() {
        MockEnvironment local = new MockEnvironment()
                .withProperty("quickcart.ingress.telegram-webhook-secret", "local-dev-secret")
                .withProperty("quickcart.inventory.key", ProductionSettings.LOCAL_INVENTORY_KEY);
        local.setActiveProfiles("local");

        ProductionSettingsCheck.check(local);
        local.setActiveProfiles("production");
        assertThatThrownBy(() -> ProductionSettingsCheck.check(local)).isInstanceOf(UnsafeProductionSettings.class);
    }

    @Test
    void aServiceStartedOutsideTheLocalProfileWithUnsafeSettingsStopsBeforeItStarts() {
        SpringApplication application = new SpringApplication(ProductionSettingsTest.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of(
                "quickcart.ingress.telegram-webhook-secret", "short",
                "quickcart.inventory.key", ProductionSettings.LOCAL_INVENTORY_KEY));

        assertThatThrownBy(application::run).isInstanceOf(UnsafeProductionSettings.class)
                .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET is 5 characters")
                .hasMessageContaining("INVENTORY_KEY is the local development key");
    }

    private static java.util.List<String> problems(String key, String value) {
        return ProductionSettings.problems(new MockEnvironment().withProperty(key, value));
    }
}
