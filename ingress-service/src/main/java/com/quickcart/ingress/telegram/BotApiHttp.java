package com.quickcart.ingress.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.ingress.config.IngressProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The two Bot API calls ingress makes (getUpdates, setWebhook), over plain HTTP so that polled
 * updates are published byte for byte as Telegram sent them. Everything the bot says goes
 * through the notifier's client instead.
 */
@Component
public class BotApiHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final IngressProperties properties;

    public BotApiHttp(IngressProperties properties) {
        this.properties = properties;
    }

    /** Calls {@code method} with a JSON body and returns Telegram's {@code result}; throws on {@code ok:false}. */
    public JsonNode call(String method, Object body, Duration timeout) throws IOException, InterruptedException {
        URI uri = URI.create(properties.telegramApiUrl().toString().replaceAll("/+$", "")
                + "/bot" + properties.telegramBotToken() + "/" + method);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EventCodec.mapper().writeValueAsBytes(body)))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode answer = EventCodec.mapper().readTree(response.body());
        if (answer == null || !answer.path("ok").asBoolean(false)) {
            // Never include the URI: it carries the bot token.
            throw new IOException("Bot API " + method + " answered HTTP " + response.statusCode() + ": "
                    + (answer == null ? "" : answer.path("description").asText()));
        }
        return answer.path("result");
    }
}
