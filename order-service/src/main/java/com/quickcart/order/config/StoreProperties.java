package com.quickcart.order.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The store's branding and operators, from STORE_NAME, BOT_NAME, BOT_USERNAME, SUPPORT_CONTACT,
 * ...; its clock (STORE_TIMEZONE) for dates shown to people and the daily summary's hour.
 */
@ConfigurationProperties("quickcart.store")
public record StoreProperties(
        @DefaultValue("QuickCart") String name,
        @DefaultValue("QuickCart Bot") String botName,
        @DefaultValue("@quickcart_support") String supportContact,
        @DefaultValue("https://example.com/quickcart-guide") String documentationUrl,
        String welcomeStickerId,
        @DefaultValue List<Long> adminIds,
        @DefaultValue("10000") long depositMin,
        @DefaultValue("5000000") long depositMax,
        String botUsername,
        @DefaultValue("Asia/Jakarta") String timezoneId,
        @DefaultValue("21") int dailySummaryHour) {

    /** Telegram's rule for a bot's username: 5-32 characters of letters, digits and _, ending in "bot". */
    private static final Pattern BOT_USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{1,28}[Bb][Oo][Tt]");

    public StoreProperties {
        if (name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("STORE_NAME must be 1-64 characters");
        }
        if (botName.isBlank() || botName.length() > 64) {
            throw new IllegalArgumentException("BOT_NAME must be 1-64 characters");
        }
        if (!documentationUrl.startsWith("https://") && !documentationUrl.startsWith("http://")) {
            throw new IllegalArgumentException("DOCUMENTATION_URL must be an http(s) URL");
        }
        for (Long id : adminIds) {
            if (id == null || id <= 0) {
                throw new IllegalArgumentException("ADMIN_IDS must be positive Telegram user ids, comma-separated");
            }
        }
        adminIds = List.copyOf(adminIds);
        if (depositMin < 1000 || depositMax < depositMin) {
            throw new IllegalArgumentException("DEPOSIT_MIN must be >= 1000 and DEPOSIT_MAX >= DEPOSIT_MIN");
        }
        botUsername = botUsername == null || botUsername.isBlank() ? null : botUsername.strip().replaceFirst("^@", "");
        if (botUsername != null && !BOT_USERNAME.matcher(botUsername).matches()) {
            throw new IllegalArgumentException("BOT_USERNAME must be the bot's Telegram username (5-32 letters, digits or _, ending in bot), was "
                    + botUsername);
        }
        try {
            ZoneId.of(timezoneId);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("STORE_TIMEZONE must be a time zone such as Asia/Jakarta, was " + timezoneId);
        }
        if (dailySummaryHour < -1 || dailySummaryHour > 23) {
            throw new IllegalArgumentException("DAILY_SUMMARY_HOUR must be 0-23 (the store's local hour), or -1 for none; was " + dailySummaryHour);
        }
    }

    public ZoneId timezone() {
        return ZoneId.of(timezoneId);
    }

    /** The bot's public address, when BOT_USERNAME is set. */
    public java.util.Optional<String> botLink() {
        return java.util.Optional.ofNullable(botUsername).map(name -> "https://t.me/" + name);
    }

    public boolean isAdmin(long userId) {
        return adminIds.contains(userId);
    }
}
