package com.quickcart.ingress.telegram;

import com.quickcart.ingress.config.IngressProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/** With TELEGRAM_MODE=webhook and TELEGRAM_WEBHOOK_URL set, tells Telegram where to post updates. */
@Component
public class WebhookRegistrar {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistrar.class);

    private final IngressProperties properties;
    private final BotApiHttp botApi;

    public WebhookRegistrar(IngressProperties properties, BotApiHttp botApi) {
        this.properties = properties;
        this.botApi = botApi;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() throws Exception {
        if (!properties.registersWebhook()) {
            return;
        }
        botApi.call("setWebhook", Map.of(
                "url", properties.telegramWebhookUrl(),
                "secret_token", properties.telegramWebhookSecret(),
                "allowed_updates", properties.allowedUpdates(),
                "drop_pending_updates", false), Duration.ofSeconds(10));
        log.info("webhook registered url={}", properties.telegramWebhookUrl());
    }
}
