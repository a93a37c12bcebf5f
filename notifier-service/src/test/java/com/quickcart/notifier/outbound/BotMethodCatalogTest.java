package com.quickcart.notifier.outbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.PermanentFailure;
import org.junit.jupiter.api.Test;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

import javax.imageio.ImageIO;

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

    private static ObjectNode qrPhoto(String qr, String fileName) {
        ObjectNode body = EventCodec.mapper().createObjectNode().put("chat_id", 42).put("caption", "Scan to pay order QC-TESTQR0001");
        body.putObject("photo").put("qr", qr).put("file_name", fileName);
        body.putObject("reply_markup").putArray("inline_keyboard").addArray().addObject()
                .put("text", "✖ Cancel order").put("callback_data", "cancel:QC-TESTQR0001");
        return body;
    }

    @Test
    void aQrisPayloadBecomesAScannablePhotoWithTheCaptionAndButtonsOrderServiceWrote() throws Exception {
        String qris = "00020101021226610016ID.CO.QRIS.WWW0118QC-TESTQR00015204599953033605405";
        SendPhoto send = (SendPhoto) BotMethodCatalog.decode("sendPhoto", qrPhoto(qris, "qris-QC-TESTQR0001.png"));

        var image = ImageIO.read(send.getPhoto().getNewMediaStream());
        String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertThat(scanned).isEqualTo(qris);
        assertThat(send.getPhoto().getMediaName()).isEqualTo("qris-QC-TESTQR0001.png");
        assertThat(send.getCaption()).isEqualTo("Scan to pay order QC-TESTQR0001");
        assertThat(((InlineKeyboardMarkup) send.getReplyMarkup()).getKeyboard().getFirst().getFirst().getCallbackData())
                .isEqualTo("cancel:QC-TESTQR0001");
    }

    @Test
    void aPhotoThatIsNotAQrPayloadWithASafeNameIsRefusedForGood() {
        ObjectNode byUrl = EventCodec.mapper().createObjectNode().put("chat_id", 42).put("photo", "https://example.com/x.png");
        ObjectNode noChat = qrPhoto("000201", "qris.png");
        noChat.remove("chat_id");
        ObjectNode longCaption = qrPhoto("000201", "qris.png").put("caption", "x".repeat(1_025));
        for (ObjectNode wrong : new ObjectNode[]{byUrl, noChat, longCaption, qrPhoto("", "qris.png"), qrPhoto("000201", "../qris.png"),
                qrPhoto("0".repeat(2_001), "qris.png")}) {
            assertThatThrownBy(() -> BotMethodCatalog.decode("sendPhoto", wrong)).isInstanceOf(PermanentFailure.class)
                    .hasMessageContaining("photo {qr");
        }
        ObjectNode badKeyboard = qrPhoto("000201", "qris.png");
        badKeyboard.put("reply_markup", "cancel");
        assertThatThrownBy(() -> BotMethodCatalog.decode("sendPhoto", badKeyboard)).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("inline keyboard");
    }

    @Test
    void aMethodOutsideTheCatalogueIsRefused() {
        assertThatThrownBy(() -> BotMethodCatalog.decode("leaveChat", EventCodec.mapper().createObjectNode()))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("not allowed");
    }
}
