package com.quickcart.ingress.telegram;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.ingress.config.IngressProperties;
import com.quickcart.ingress.publishing.AcknowledgedPublisher;
import com.quickcart.ingress.web.BoundedBody;
import com.quickcart.ingress.web.RejectedRequestException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

@RestController
public class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final IngressProperties properties;
    private final TelegramUpdateParser parser;
    private final AcknowledgedPublisher publisher;
    private final byte[] expectedSecret;

    public TelegramWebhookController(IngressProperties properties, TelegramUpdateParser parser, AcknowledgedPublisher publisher) {
        this.properties = properties;
        this.parser = parser;
        this.publisher = publisher;
        this.expectedSecret = properties.telegramWebhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/telegram/webhook")
    ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
                                 HttpServletRequest request) throws IOException {
        // Constant-time compare: the secret is the only thing that tells Telegram from anyone else.
        if (secret == null || !MessageDigest.isEqual(expectedSecret, secret.getBytes(StandardCharsets.UTF_8))) {
            throw new RejectedRequestException(HttpStatus.UNAUTHORIZED, "missing or wrong " + SECRET_HEADER);
        }
        EventEnvelope envelope = parser.toEnvelope(BoundedBody.read(request, properties.maxBodyBytes()));
        publisher.publish(Topics.TELEGRAM_UPDATES, envelope);
        return ResponseEntity.ok().build();
    }
}
