package com.quickcart.common.messaging.kafka;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.messaging.EventCodec;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A dead letter is either an envelope that a listener failed on, or the raw bytes of a record
 * that was never an envelope; both are written back exactly as they came.
 */
public class DeadLetterValueSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        return switch (data) {
            case null -> null;
            case byte[] raw -> raw;
            case EventEnvelope envelope -> EventCodec.encode(envelope);
            default -> throw new IllegalArgumentException("cannot dead-letter a " + data.getClass().getName());
        };
    }
}
