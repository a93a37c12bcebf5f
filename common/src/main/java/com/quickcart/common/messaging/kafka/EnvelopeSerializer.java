package com.quickcart.common.messaging.kafka;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.messaging.EventCodec;
import org.apache.kafka.common.serialization.Serializer;

public class EnvelopeSerializer implements Serializer<EventEnvelope> {

    @Override
    public byte[] serialize(String topic, EventEnvelope data) {
        return data == null ? null : EventCodec.encode(data);
    }
}
