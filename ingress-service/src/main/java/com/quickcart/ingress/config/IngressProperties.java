package com.quickcart.ingress.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Everything ingress needs from the environment, checked at start. */
@ConfigurationProperties("quickcart.ingress")
public record IngressProperties(
        String telegramWebhookSecret,
        @DefaultValue("webhook") String telegramMode,
        String telegramWebhookUrl,
        @DefaultValue("https://api.telegram.org") URI telegramApiUrl,
        String telegramBotToken,
        String pakasirProject,
        @DefaultValue("1048576") int maxBodyBytes,
        @DefaultValue("8192") int pakasirMaxBodyBytes,
        @DefaultValue("64") int maxInFlight,
        @DefaultValue("67108864") int maxBufferedBytes,
        @DefaultValue("3s") Duration bodyReadTimeout,
        @DefaultValue("5") int retryAfterSeconds,
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("30s") Duration pollTimeout,
        @DefaultValue("message,edited_message,callback_query,my_chat_member") List<String> allowedUpdates) {

    /** Telegram's own rule for secret_token: 1-256 of A-Z, a-z, 0-9, _ and -. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public IngressProperties {
        if (telegramWebhookSecret == null || !SECRET.matcher(telegramWebhookSecret).matches()) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ -");
        }
        telegramMode = telegramMode.toLowerCase(Locale.ROOT);
        if (!telegramMode.equals("webhook") && !telegramMode.equals("polling")) {
            throw new IllegalArgumentException("TELEGRAM_MODE must be webhook or polling, was " + telegramMode);
        }
        if (telegramMode.equals("polling") && (telegramBotToken == null || telegramBotToken.isBlank())) {
            throw new IllegalArgumentException("TELEGRAM_MODE=polling needs TELEGRAM_BOT_TOKEN");
        }
        if (telegramWebhookUrl != null && !telegramWebhookUrl.isBlank() && !telegramWebhookUrl.startsWith("https://")) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_URL must be an https:// URL (Telegram requires it)");
        }
        if (pakasirProject == null || pakasirProject.isBlank()) {
            throw new IllegalArgumentException("PAKASIR_PROJECT must be set: callbacks for any other project are refused");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("quickcart.ingress.max-body-bytes must be >= 1024");
        }
        if (pakasirMaxBodyBytes < 1024 || pakasirMaxBodyBytes > maxBodyBytes) {
            // Pakasir's callback is a handful of fields, well under 1 KB.
            throw new IllegalArgumentException("quickcart.ingress.pakasir-max-body-bytes must be 1024..max-body-bytes");
        }
        if (maxInFlight < 1 || retryAfterSeconds < 1) {
            throw new IllegalArgumentException("quickcart.ingress.max-in-flight and retry-after-seconds must be >= 1");
        }
        if (maxBufferedBytes < 1024) {
            throw new IllegalArgumentException("quickcart.ingress.max-buffered-bytes must be >= 1024");
        }
        if (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
            throw new IllegalArgumentException("quickcart.ingress.body-read-timeout must be positive");
        }
    }

    public boolean polling() {
        return telegramMode.equals("polling");
    }

    public boolean registersWebhook() {
        return telegramMode.equals("webhook") && telegramWebhookUrl != null && !telegramWebhookUrl.isBlank();
    }
}
