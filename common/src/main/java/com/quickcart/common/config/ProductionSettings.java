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
        plainHttpOffLoopback(settings, "quickcart.pakasir.url", "PAKASIR_API_URL", "the Pakasir API key", problems);
        plainHttpOffLoopback(settings, "quickcart.bot-api.url", "TELEGRAM_API_URL", "the bot token", problems);
        plainHttpOffLoopback(settings, "quickcart.ingress.telegram-api-url", "TELEGRAM_API_URL", "the bot token", problems);
        return problems.stream().distinct().toList();
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
