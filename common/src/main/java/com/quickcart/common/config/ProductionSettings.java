package com.quickcart.common.config;

import org.springframework.core.env.PropertyResolver;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a store outside the {@code local} profile must not run with: the stand-ins that
 * {@code deploy/local/up.sh} puts in place so the store works on a laptop, and settings that would
 * let anyone who guesses or overhears them post updates, read goods or spend the Pakasir key.
 * Each service has only its own keys in its environment, so each checks only what it reads.
 * The rules that hold everywhere (a URL's shape, a key's length) stay in the services' own
 * {@code @ConfigurationProperties} records.
 */
public final class ProductionSettings {

    /** The profile {@code up.sh} runs with; nothing else may use the stand-ins below. */
    public static final String LOCAL_PROFILE = "local";
    /** {@code up.sh}'s fixed INVENTORY_KEY for the demo goods (base64 of "local-dev-key-never-in-prod-0001"). */
    public static final String LOCAL_INVENTORY_KEY = "bG9jYWwtZGV2LWtleS1uZXZlci1pbi1wcm9kLTAwMDE=";
    /** {@code up.sh}'s stand-ins for the outside APIs' credentials when none are configured. */
    public static final String LOCAL_BOT_TOKEN = "123456:LOCAL-fake-bot-token";
    public static final String LOCAL_PAKASIR_API_KEY = "local-fake-pakasir-key";
    /** Shorter than this, a webhook secret can be guessed; {@code openssl rand -hex 32} gives 64. */
    public static final int MIN_WEBHOOK_SECRET_LENGTH = 32;

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private ProductionSettings() {
    }

    /** One message per unsafe setting, each naming the environment variable to change; empty when safe. */
    public static List<String> problems(PropertyResolver settings) {
        List<String> problems = new ArrayList<>();
        String secret = settings.getProperty("quickcart.ingress.telegram-webhook-secret");
        if (secret != null && secret.length() < MIN_WEBHOOK_SECRET_LENGTH) {
            problems.add("TELEGRAM_WEBHOOK_SECRET is " + secret.length() + " characters; outside the local profile use at least "
                    + MIN_WEBHOOK_SECRET_LENGTH + " (openssl rand -hex 32)");
        }
        if (LOCAL_INVENTORY_KEY.equals(strip(settings.getProperty("quickcart.inventory.key")))) {
            problems.add("INVENTORY_KEY is the local development key from deploy/local/up.sh, which is public;"
                    + " generate your own (openssl rand -base64 32)");
        }
        String previous = settings.getProperty("quickcart.inventory.previous-keys");
        if (previous != null && previous.contains(LOCAL_INVENTORY_KEY)) {
            problems.add("INVENTORY_PREVIOUS_KEYS holds the local development key from deploy/local/up.sh, which is public");
        }
        if (LOCAL_PAKASIR_API_KEY.equals(strip(settings.getProperty("quickcart.pakasir.api-key")))) {
            problems.add("PAKASIR_API_KEY is the local fake's key; set the API key from your Pakasir project");
        }
        String token = strip(settings.getProperty("quickcart.bot-api.token"));
        if (LOCAL_BOT_TOKEN.equals(token) || LOCAL_BOT_TOKEN.equals(strip(settings.getProperty("quickcart.ingress.telegram-bot-token")))) {
            problems.add("TELEGRAM_BOT_TOKEN is the local fake's token; set the token @BotFather gave you");
        }
        kafkaWithoutAuthenticationOffLoopback(settings, problems);
        plainHttpOffLoopback(settings, "quickcart.pakasir.url", "PAKASIR_API_URL", "the Pakasir API key", problems);
        plainHttpOffLoopback(settings, "quickcart.bot-api.url", "TELEGRAM_API_URL", "the bot token", problems);
        plainHttpOffLoopback(settings, "quickcart.ingress.telegram-api-url", "TELEGRAM_API_URL", "the bot token", problems);
        return problems.stream().distinct().toList();
    }

    /**
     * A broker anyone on the network can write to lets them post {@code OrderPaid}; off loopback a
     * service must prove who it is (SASL, or SSL with a client certificate), and SASL PLAIN must not
     * send its password over an unencrypted connection. On loopback (the local run) the broker is the host's own.
     */
    private static void kafkaWithoutAuthenticationOffLoopback(PropertyResolver settings, List<String> problems) {
        String bootstrap = strip(settings.getProperty("spring.kafka.bootstrap-servers"));
        if (bootstrap == null || bootstrap.isEmpty()) {
            return;
        }
        List<String> remote = java.util.Arrays.stream(bootstrap.split(","))
                .map(String::strip).filter(address -> !address.isEmpty() && !LOOPBACK.contains(host(address))).toList();
        if (remote.isEmpty()) {
            return;
        }
        String protocol = java.util.Objects.requireNonNullElse(strip(settings.getProperty("quickcart.kafka.security-protocol")), "PLAINTEXT")
                .toUpperCase(java.util.Locale.ROOT);
        String mechanism = java.util.Objects.requireNonNullElse(strip(settings.getProperty("quickcart.kafka.sasl-mechanism")), "")
                .toUpperCase(java.util.Locale.ROOT);
        if (protocol.equals("PLAINTEXT")) {
            problems.add("KAFKA_SECURITY_PROTOCOL is PLAINTEXT for a broker off loopback (" + String.join(",", remote)
                    + "): anyone who reaches it could publish as this service; use SASL_SSL (or SASL_PLAINTEXT on a private network)"
                    + " with the service's own KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD");
        } else if (protocol.equals("SASL_PLAINTEXT") && mechanism.equals("PLAIN")) {
            problems.add("KAFKA_SASL_MECHANISM is PLAIN over SASL_PLAINTEXT, which sends KAFKA_SASL_PASSWORD in clear;"
                    + " use SCRAM-SHA-512, or SASL_SSL");
        }
    }

    /** The host of {@code host:port}, {@code [v6]:port} or {@code PROTOCOL://host:port}. */
    private static String host(String address) {
        String rest = address.replaceFirst("^[A-Za-z_]+://", "");
        if (rest.startsWith("[")) {
            int end = rest.indexOf(']');
            return end < 0 ? rest : rest.substring(0, end + 1);
        }
        int colon = rest.lastIndexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    /** An API reached over plain http would carry a secret in clear; on loopback (a local proxy) it never leaves the host. */
    private static void plainHttpOffLoopback(PropertyResolver settings, String key, String variable, String secret,
                                             List<String> problems) {
        String value = strip(settings.getProperty(key));
        if (value == null || !value.startsWith("http://")) {
            return;
        }
        String host;
        try {
            host = URI.create(value).getHost();
        } catch (IllegalArgumentException e) {
            return; // not a URL at all: the service's own properties record says so
        }
        if (host == null || !LOOPBACK.contains(host)) {
            problems.add(variable + " is plain http (" + value + "), which would send " + secret
                    + " in clear; use https outside the local profile");
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
