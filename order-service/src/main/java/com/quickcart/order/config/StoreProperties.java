package com.quickcart.order.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/** The store's branding and operators, from STORE_NAME, BOT_NAME, SUPPORT_CONTACT, ... */
@ConfigurationProperties("quickcart.store")
public record StoreProperties(
        @DefaultValue("QuickCart") String name,
        @DefaultValue("QuickCart Bot") String botName,
        @DefaultValue("@quickcart_support") String supportContact,
        @DefaultValue("https://example.com/quickcart-guide") String documentationUrl,
        String welcomeStickerId,
        @DefaultValue List<Long> adminIds,
        @DefaultValue("10000") long depositMin,
        @DefaultValue("5000000") long depositMax) {

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
    }

    public boolean isAdmin(long userId) {
        return adminIds.contains(userId);
    }
}
