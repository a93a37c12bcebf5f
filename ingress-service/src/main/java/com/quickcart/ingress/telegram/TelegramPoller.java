package com.quickcart.ingress.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.events.Topics;
import com.quickcart.ingress.config.IngressProperties;
import com.quickcart.ingress.publishing.AcknowledgedPublisher;
import com.quickcart.ingress.web.RejectedRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * TELEGRAM_MODE=polling: long-polls getUpdates for local use without a public URL. The offset
 * moves past an update only after Kafka acknowledged it, so a crash re-reads, never skips.
 * Run one ingress instance in this mode (Telegram allows one poller per bot).
 */
@Component
public class TelegramPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);

    private final IngressProperties properties;
    private final BotApiHttp botApi;
    private final TelegramUpdateParser parser;
    private final AcknowledgedPublisher publisher;
    private volatile boolean running;
    private Thread worker;
    private long offset;

    public TelegramPoller(IngressProperties properties, BotApiHttp botApi, TelegramUpdateParser parser,
                          AcknowledgedPublisher publisher) {
        this.properties = properties;
        this.botApi = botApi;
        this.parser = parser;
        this.publisher = publisher;
    }

    @Override
    public void start() {
        if (!properties.polling()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("telegram-poller").daemon().start(this::loop);
    }

    private void loop() {
        try {
            // A webhook and getUpdates exclude each other at Telegram.
            botApi.call("deleteWebhook", Map.of("drop_pending_updates", false), Duration.ofSeconds(10));
        } catch (Exception e) {
            log.warn("deleteWebhook failed, polling anyway: {}", e.getMessage());
        }
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try {
                pollOnce();
                backoff = Duration.ofSeconds(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("getUpdates failed, retrying in {}s: {}", backoff.toSeconds(), e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.toSeconds() >= 30 ? backoff : backoff.multipliedBy(2);
            }
        }
    }

    void pollOnce() throws Exception {
        long timeoutSeconds = properties.pollTimeout().toSeconds();
        JsonNode updates = botApi.call("getUpdates", Map.of(
                "offset", offset,
                "timeout", timeoutSeconds,
                "allowed_updates", properties.allowedUpdates()), properties.pollTimeout().plusSeconds(10));
        for (JsonNode update : updates) {
            long updateId = update.path("update_id").asLong();
            try {
                publisher.publish(Topics.TELEGRAM_UPDATES, parser.toEnvelope(update));
            } catch (RejectedRequestException malformed) {
                log.warn("skipping malformed update update_id={}: {}", updateId, malformed.getMessage());
            }
            offset = updateId + 1;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
