package com.quickcart.common.goods;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPair pair = pair();
    private final GoodsSealer sealer = new GoodsSealer(pair.getPublic());
    private final GoodsOpener opener = new GoodsOpener(pair.getPrivate(), List.of());

    @Test
    void typedTextCaptionsAndRepliedTextLeaveSealedAndOpenToTheSameUpdate() throws Exception {
        ObjectNode update = (ObjectNode) JSON.readTree("""
                {"update_id":7,"message":{"message_id":1,"chat":{"id":42},"text":"KEY-AAAA\\nKEY-BBBB",
                 "reply_to_message":{"message_id":0,"caption":"budi@example.com"},"quote":{"text":"KEY-AAAA"}}}""");
        ObjectNode original = update.deepCopy();
        UUID eventId = UUID.randomUUID();

        assertThat(UpdateText.seal(update, sealer, eventId)).isEqualTo(3);

        assertThat(update.toString()).doesNotContain("KEY-AAAA", "budi@example.com").contains("quickcart_sealed_text");
        assertThat(update.path("message").path("chat").path("id").asLong()).as("ids stay readable").isEqualTo(42);
        UpdateText.open(update, opener, eventId);
        assertThat(update).isEqualTo(original);
    }

    @Test
    void sealedTextOpensOnlyInTheEventItWasSealedFor() throws Exception {
        ObjectNode update = (ObjectNode) JSON.readTree("{\"update_id\":8,\"edited_message\":{\"text\":\"secret\"}}");
        UpdateText.seal(update, sealer, UUID.randomUUID());

        assertThatThrownBy(() -> UpdateText.open(update, opener, UUID.randomUUID()))
                .isInstanceOf(GoodsOpener.Refused.class).hasMessageNotContaining("secret");
    }

    @Test
    void anUpdateThatCameInClearOrHasNoTextIsLeftAsItIs() throws Exception {
        ObjectNode clear = (ObjectNode) JSON.readTree("{\"update_id\":9,\"message\":{\"text\":\"/start\"}}");
        ObjectNode tap = (ObjectNode) JSON.readTree("{\"update_id\":10,\"callback_query\":{\"data\":\"m\",\"message\":{\"text\":\"menu\"}}}");

        UpdateText.open(clear, opener, UUID.randomUUID());
        assertThat(clear.path("message").path("text").asText()).isEqualTo("/start");
        assertThat(UpdateText.seal(tap, sealer, UUID.randomUUID())).as("a tap carries no typed text").isZero();
    }

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("X25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
