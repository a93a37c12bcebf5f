package com.quickcart.ingress.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.telegram.TelegramUpdateReceived;
import com.quickcart.common.goods.GoodsSealer;
import com.quickcart.common.goods.UpdateText;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.ingress.web.RejectedRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Reads only what ingress needs from a Telegram update: its {@code update_id} (the basis of a
 * stable event id, so Telegram's retries collapse into one event) and the chat that orders it.
 * The text people typed is sealed for order-service before the update leaves (docs/adr/0022).
 */
@Component
public class TelegramUpdateParser {

    private final EventCodec codec;
    private final GoodsSealer sealer;

    public TelegramUpdateParser(EventCodec codec, GoodsSealer sealer) {
        this.codec = codec;
        this.sealer = sealer;
    }

    public EventEnvelope toEnvelope(byte[] body) {
        JsonNode update;
        try {
            update = EventCodec.mapper().readTree(body);
        } catch (IOException e) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "body is not JSON");
        }
        return toEnvelope(update);
    }

    public EventEnvelope toEnvelope(JsonNode update) {
        if (update == null || !update.isObject()) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "update must be a JSON object");
        }
        JsonNode updateId = update.get("update_id");
        if (updateId == null || !updateId.canConvertToLong() || !updateId.isIntegralNumber()) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "update_id missing or not an integer");
        }
        long id = updateId.asLong();
        UUID eventId = UUID.nameUUIDFromBytes(("telegram-update:" + id).getBytes(StandardCharsets.UTF_8));
        ObjectNode sealed = ((ObjectNode) update).deepCopy();
        UpdateText.seal(sealed, sealer, eventId);
        return codec.wrap(eventId, orderingKey(sealed, id), new TelegramUpdateReceived(id, sealed));
    }

    /** The chat id when the update has one (messages, callbacks), else the sender's id. */
    static String orderingKey(ObjectNode update, long updateId) {
        Iterator<Map.Entry<String, JsonNode>> fields = update.fields();
        while (fields.hasNext()) {
            JsonNode body = fields.next().getValue();
            if (!body.isObject()) {
                continue;
            }
            for (JsonNode candidate : new JsonNode[]{
                    body.path("chat").path("id"), body.path("message").path("chat").path("id"),
                    body.path("from").path("id"), body.path("user").path("id")}) {
                if (candidate.isIntegralNumber()) {
                    return candidate.asText();
                }
            }
        }
        return "update-" + updateId;
    }
}
