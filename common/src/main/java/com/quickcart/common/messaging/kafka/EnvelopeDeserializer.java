package com.quickcart.common.messaging.kafka;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.messaging.EventCodec;
import org.apache.kafka.common.serialization.Deserializer;

/** Used behind Spring's ErrorHandlingDeserializer, so a poison record goes to the DLT instead of looping. */
public class EnvelopeDeserializer implements Deserializer<EventEnvelope> {

    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        return data == null ? null : EventCodec.decode(data);
    }
}
