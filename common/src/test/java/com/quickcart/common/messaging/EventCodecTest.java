package com.quickcart.common.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.pakasir.PakasirCallbackReceived;
import com.quickcart.common.events.telegram.BotApiCall;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void anEnvelopeSurvivesTheWireWithEveryField() {
        PakasirCallbackReceived callback = new PakasirCallbackReceived("QC-1", 15_000, "shop", "completed", "qris", null);
        EventEnvelope sent = codec.wrap("QC-1", callback);

        EventEnvelope received = EventCodec.decode(EventCodec.encode(sent));

        assertThat(received.eventId()).isEqualTo(sent.eventId());
        assertThat(received.key()).isEqualTo("QC-1");
        assertThat(received.type()).isEqualTo("PakasirCallbackReceived");
        assertThat(received.version()).isEqualTo(1);
        assertThat(received.occurredAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(codec.unwrap(received, PakasirCallbackReceived.class)).isEqualTo(callback);
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String json = """
                {"eventId":"0b6f9a8e-1c1d-4c39-9a52-3b1f0f7f6a11","type":"BotApiCall","version":1,
                 "occurredAt":"2026-11-24T10:00:00Z","key":"42","traceId":"abc",
                 "payload":{"chatId":42,"method":"sendMessage","body":{"text":"hi"},"priority":"high"}}
                """;

        BotApiCall call = codec.unwrap(EventCodec.decode(json), BotApiCall.class);

        assertThat(call.chatId()).isEqualTo(42);
        assertThat(call.body().path("text").asText()).isEqualTo("hi");
    }

    @Test
    void bytesThatAreNotAnEnvelopeAreRejectedAsPermanent() {
        assertThatThrownBy(() -> EventCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.MalformedEventException.class)
                .isInstanceOf(PermanentFailure.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"X\"}"))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }

    @Test
    void aPayloadOfAnotherTypeIsNotUnwrapped() {
        EventEnvelope envelope = codec.wrap("QC-1", new PakasirCallbackReceived("QC-1", 1, "p", "pending", null, null));

        assertThatThrownBy(() -> codec.unwrap(envelope, BotApiCall.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PakasirCallbackReceived");
    }
}
