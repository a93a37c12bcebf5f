package com.quickcart.common.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.quickcart.common.events.Contracts;
import com.quickcart.common.events.EventContract;
import com.quickcart.common.events.EventEnvelope;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The one JSON serde of the cluster. Jackson 2 because telegrambots' Bot API types are
 * Jackson 2 types; unknown fields are ignored so that producers can add fields freely.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Clock clock;

    public EventCodec(Clock clock) {
        this.clock = clock;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Wraps a contract record with a fresh event id. */
    public EventEnvelope wrap(String key, Object payload) {
        return wrap(UUID.randomUUID(), key, payload);
    }

    /** Wraps with a caller-chosen id: used where the id must be stable across redeliveries of the same fact. */
    public EventEnvelope wrap(UUID eventId, String key, Object payload) {
        EventContract meta = Contracts.of(payload.getClass());
        return new EventEnvelope(eventId, meta.type(), meta.version(), Instant.now(clock), key, MAPPER.valueToTree(payload));
    }

    public <T> T unwrap(EventEnvelope envelope, Class<T> contract) {
        if (!envelope.is(contract)) {
            throw new IllegalArgumentException("envelope " + envelope.eventId() + " is " + envelope.type()
                    + " v" + envelope.version() + ", not " + contract.getSimpleName());
        }
        try {
            return MAPPER.treeToValue(envelope.payload(), contract);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("payload of " + envelope.type() + " does not fit " + contract.getSimpleName(), e);
        }
    }

    public static byte[] encode(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise envelope " + envelope.eventId(), e);
        }
    }

    public static String encodeToString(EventEnvelope envelope) {
        return new String(encode(envelope), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static EventEnvelope decode(byte[] bytes) {
        try {
            JsonNode tree = MAPPER.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new MalformedEventException("envelope is not a JSON object", null);
            }
            return MAPPER.treeToValue(tree, EventEnvelope.class);
        } catch (MalformedEventException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not a QuickCart envelope: " + e.getMessage(), e);
        }
    }

    public static EventEnvelope decode(String json) {
        return decode(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Thrown for bytes that cannot be an envelope or a payload that does not fit its contract: never retried. */
    public static final class MalformedEventException extends PermanentFailure {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }

}
