package com.quickcart.notifier.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.PermanentFailure;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotMethodCatalogTest {

    private static ObjectNode document(String fileName, String text) {
        ObjectNode body = EventCodec.mapper().createObjectNode().put("chat_id", 42).put("caption", "Audit trail");
        body.putObject("document").put("file_name", fileName).put("text", text);
        return body;
    }

    @Test
    void aSmallTextFileBecomesAnUploadWithItsNameCaptionAndBytes() throws Exception {
        SendDocument send = (SendDocument) BotMethodCatalog.decode("sendDocument", document("audit.csv", "at,actor\r\n"));
        assertThat(send.getChatId()).isEqualTo("42");
        assertThat(send.getCaption()).isEqualTo("Audit trail");
        assertThat(send.getDocument().getMediaName()).isEqualTo("audit.csv");
        assertThat(new String(send.getDocument().getNewMediaStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("at,actor\r\n");
    }

    @Test
    void aDocumentWithAPathAnEmptyBodyOrNoNameIsRefusedForGood() {
        for (ObjectNode wrong : new ObjectNode[]{document("../etc/passwd", "x"), document("audit.csv", ""), document("", "x"),
                document("audit", "x")}) {
            assertThatThrownBy(() -> BotMethodCatalog.decode("sendDocument", wrong)).isInstanceOf(PermanentFailure.class)
                    .hasMessageContaining("document {file_name, text}");
        }
    }

    @Test
    void aMethodOutsideTheCatalogueIsRefused() {
        assertThatThrownBy(() -> BotMethodCatalog.decode("leaveChat", EventCodec.mapper().createObjectNode()))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("not allowed");
    }
}
