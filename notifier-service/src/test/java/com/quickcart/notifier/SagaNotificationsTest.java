package com.quickcart.notifier;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.payment.PaymentPending;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.testsupport.FakeTelegramBotApi;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// Closed after the class: a cached context would stay in group notifier-service and take
// partitions (with a stopped fake Bot API) from the next class's context.
@DirtiesContext
@SpringBootTest(classes = NotifierApplication.class, properties = "spring.config.name=notifier-service")
class SagaNotificationsTest {

    private static final FakeTelegramBotApi botApi = new FakeTelegramBotApi();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.infrastructure().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("TELEGRAM_API_URL", botApi::baseUrl);
    }

    @AfterAll
    static void stopFake() {
        botApi.close();
    }

    @Autowired KafkaTemplate<String, EventEnvelope> kafka;
    @Autowired EventCodec codec;

    @Test
    void aPendingQrisPaymentArrivesAsAScannableQrCodeWithPakasirsTotalAndExpiry() throws Exception {
        long chat = TelegramUpdates.newChatId();
        String qrString = "00020101021226610016ID.CO.QRIS.WWW0118QC-TESTQR00015204599953033605405";
        publish(Topics.PAYMENT_EVENTS, "QC-TESTQR0001", new PaymentPending("QC-TESTQR0001", PaymentPurpose.ORDER, chat, chat, "id",
                45_000, 625, 45_625, qrString, Instant.parse("2026-11-24T10:10:00Z")));

        BotCall photo = awaitCall(chat, "sendPhoto");

        assertThat(photo.file("photo")).isNotEmpty();
        var image = ImageIO.read(new ByteArrayInputStream(photo.file("photo")));
        String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertThat(scanned).isEqualTo(qrString);
        assertThat(photo.text()).contains("QC-TESTQR0001", "Rp 45.625", "Rp 625", "17:10 WIB");
        // No checkout page is configured (as in production): the only button is the cancel.
        assertThat(photo.buttons()).containsExactly("✖ Batalkan pesanan|cancel:QC-TESTQR0001");
    }

    @Test
    void fewGoodsArriveInTheMessageAndManyAsATextFile() {
        long few = TelegramUpdates.newChatId();
        long many = TelegramUpdates.newChatId();
        List<String> bulk = IntStream.range(0, 200).mapToObj(i -> "LICENSE-KEY-%05d-ABCDEFGHIJKLMNOP".formatted(i)).toList();

        publish(Topics.DELIVERY_EVENTS, "QC-FEW0000001", new ItemsDelivered("QC-FEW0000001", few, few, "en", "Windows Key",
                List.of("AAAA-BBBB", "CCCC-DDDD"), false));
        publish(Topics.DELIVERY_EVENTS, "QC-MANY000001", new ItemsDelivered("QC-MANY000001", many, many, "en", "Bulk Key",
                bulk, false));

        assertThat(awaitCall(few, "sendMessage").text()).contains("Order QC-FEW0000001", "AAAA-BBBB\nCCCC-DDDD");
        BotCall document = awaitCall(many, "sendDocument");
        String file = new String(document.file("document"), StandardCharsets.UTF_8);
        assertThat(file.lines().filter(l -> l.startsWith("LICENSE-KEY-"))).hasSize(200);
        assertThat(document.text()).contains("attached file");
    }

    private void publish(String topic, String key, Object event) {
        kafka.send(topic, key, codec.wrap(key, event));
    }

    private BotCall awaitCall(long chat, String method) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !botApi.calls(method, chat).isEmpty());
        return botApi.calls(method, chat).getFirst();
    }
}
