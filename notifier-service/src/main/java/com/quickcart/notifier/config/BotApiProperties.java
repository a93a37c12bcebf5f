package com.quickcart.notifier.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The Bot API as the notifier calls it, and Telegram's published limits: about one message a
 * second per chat (a short burst is tolerated) and 30 a second overall. With {@code redisUrl}
 * the overall budget is shared by every notifier instance; {@code fallbackPerSecond} is one
 * instance's share while Redis does not answer.
 */
@ConfigurationProperties("quickcart.bot-api")
public record BotApiProperties(
        @DefaultValue("https://api.telegram.org") URI url,
        String token,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("30s") Duration maxRetryAfter,
        @DefaultValue("30") int globalPerSecond,
        @DefaultValue("3") int perChatBurst,
        @DefaultValue("1s") Duration perChatInterval,
        String redisUrl,
        @DefaultValue("200ms") Duration redisTimeout,
        @DefaultValue("5") int fallbackPerSecond,
        @DefaultValue("2000") int maxInFlight) {

    public BotApiProperties {
        if (token == null || !token.matches("\\d+:[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN must look like 123456:ABC-def (from @BotFather)");
        }
        if (url.getScheme() == null || url.getHost() == null
                || !(url.getScheme().equals("https") || url.getScheme().equals("http"))) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must be an http(s) URL");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("quickcart.bot-api.max-attempts must be 1..10");
        }
        if (redisUrl != null && !redisUrl.isBlank() && !redisUrl.startsWith("redis://") && !redisUrl.startsWith("rediss://")) {
            throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss://");
        }
        if (maxInFlight < 2) {
            throw new IllegalArgumentException("quickcart.bot-api.max-in-flight must be >= 2");
        }
        if (globalPerSecond < 1 || perChatBurst < 1 || fallbackPerSecond < 1) {
            throw new IllegalArgumentException("quickcart.bot-api rate limits must be >= 1");
        }
    }
}
