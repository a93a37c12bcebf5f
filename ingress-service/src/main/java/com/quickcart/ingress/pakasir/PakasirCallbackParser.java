package com.quickcart.ingress.pakasir;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.pakasir.PakasirCallbackReceived;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.ingress.config.IngressProperties;
import com.quickcart.ingress.web.RejectedRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks a Pakasir webhook body's shape and project. It cannot check the truth of the body
 * (Pakasir does not sign it); payment-service confirms every paid status with the detail API.
 */
@Component
public class PakasirCallbackParser {

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern STATUS = Pattern.compile("[a-z_]{1,32}");

    private final EventCodec codec;
    private final String project;

    public PakasirCallbackParser(EventCodec codec, IngressProperties properties) {
        this.codec = codec;
        this.project = properties.pakasirProject();
    }

    public EventEnvelope toEnvelope(byte[] body) {
        JsonNode json;
        try {
            json = EventCodec.mapper().readTree(body);
        } catch (IOException e) {
            throw badRequest("body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw badRequest("body must be a JSON object");
        }
        JsonNode amount = json.get("amount");
        if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong() || amount.asLong() <= 0) {
            throw badRequest("amount must be a positive integer (rupiah)");
        }
        String orderId = json.path("order_id").asText("");
        if (!json.path("order_id").isTextual() || !ORDER_ID.matcher(orderId).matches()) {
            throw badRequest("order_id must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
        String status = json.path("status").asText("");
        if (!json.path("status").isTextual() || !STATUS.matcher(status).matches()) {
            throw badRequest("status missing or malformed");
        }
        if (!json.path("project").isTextual() || !project.equals(json.path("project").asText())) {
            throw new RejectedRequestException(HttpStatus.FORBIDDEN, "callback is not for this project");
        }
        String paymentMethod = json.path("payment_method").isTextual() ? json.get("payment_method").asText() : null;
        String completedAt = json.path("completed_at").isTextual() ? json.get("completed_at").asText() : null;
        PakasirCallbackReceived callback = new PakasirCallbackReceived(orderId, amount.asLong(), project, status,
                paymentMethod, completedAt);
        // Pakasir's retries of the same notification become one event.
        UUID eventId = UUID.nameUUIDFromBytes(("pakasir:" + orderId + ":" + amount.asLong() + ":" + status + ":" + completedAt)
                .getBytes(StandardCharsets.UTF_8));
        return codec.wrap(eventId, orderId, callback);
    }

    private static RejectedRequestException badRequest(String reason) {
        return new RejectedRequestException(HttpStatus.BAD_REQUEST, reason);
    }
}
