package com.quickcart.common.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every QuickCart topic. The payload stays a JSON tree so that a consumer
 * decodes only the types it knows and ignores the rest; {@code version} changes only on a
 * breaking change of the payload.
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, String key, JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }

    public boolean is(Class<?> contract) {
        EventContract meta = Contracts.of(contract);
        return meta.type().equals(type) && meta.version() == version;
    }
}
