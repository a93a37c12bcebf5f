package com.quickcart.notifier;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.delivery.SealedGoods;
import com.quickcart.common.goods.GoodsSealer;
import com.quickcart.common.events.payment.PaymentPending;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.testsupport.FakeTelegramBotApi;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.GoodsTransitKeys;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TestEnvironment;
import com.quickcart.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import java.util.UUID;
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
        registry.add(GoodsTransitKeys.PRIVATE_KEY_VARIABLE, GoodsTransitKeys::privateKey);
    }

    @AfterAll
    static void stopFake() {
        botApi.close();
    }

    @Autowired KafkaTemplate<String, EventEnvelope> kafka;
    @Autowired EventCodec codec;
    @Autowired JdbcClient jdbc;

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
    void theSameGoodsEventDeliveredTwiceReachesTheCustomerOnce() {
        long chat = TelegramUpdates.newChatId();
        String orderId = "QC-TWICE00001";
        UUID eventId = UUID.randomUUID();
        SealedGoods sealed = new GoodsSealer(GoodsSealer.publicKey(GoodsTransitKeys.publicKey())).seal(List.of("ONCE-ONLY"), orderId, eventId);
        EventEnvelope delivered = codec.wrap(eventId, orderId, new ItemsDelivered(orderId, chat, chat, "en", "Key", 1, sealed, false));

        kafka.send(Topics.DELIVERY_EVENTS, orderId, delivered);
        kafka.send(Topics.DELIVERY_EVENTS, orderId, delivered);
        publishGoods(orderId, chat, "Key", List.of("MARKER"));

        await().atMost(Duration.ofSeconds(30)).until(() -> botApi.calls("sendMessage", chat).size() >= 2);
        assertThat(botApi.calls("sendMessage", chat)).extracting(BotCall::text)
                .filteredOn(text -> text.contains("ONCE-ONLY")).hasSize(1);
    }

    @Test
    void fewGoodsArriveInTheMessageAndManyAsATextFile() {
        long few = TelegramUpdates.newChatId();
        long many = TelegramUpdates.newChatId();
        List<String> bulk = IntStream.range(0, 200).mapToObj(i -> "LICENSE-KEY-%05d-ABCDEFGHIJKLMNOP".formatted(i)).toList();

        publishGoods("QC-FEW0000001", few, "Windows Key", List.of("AAAA-BBBB", "CCCC-DDDD"));
        publishGoods("QC-MANY000001", many, "Bulk Key", bulk);

        String message = awaitCall(few, "sendMessage").text();
        assertThat(message.contains("Order QC-FEW0000001")).as("the heading names the order").isTrue();
        assertThat(message.contains("AAAA-BBBB\nCCCC-DDDD")).as("both items, one a line").isTrue();
        BotCall document = awaitCall(many, "sendDocument");
        String file = new String(document.file("document"), StandardCharsets.UTF_8);
        assertThat(file.lines().filter(l -> l.startsWith("LICENSE-KEY-")).count()).isEqualTo(200);
        assertThat(document.text()).contains("attached file");
    }

    @Test
    void aGoodsSendTelegramRefusesIsDeadLetteredStillSealed() {
        long chat = TelegramUpdates.newChatId();
        List<String> goods = List.of("SECRET-DLT-" + UUID.randomUUID());
        botApi.failNext("sendMessage", 1, 400, null);

        try (TopicProbe deadLetters = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.deadLetter(Topics.DELIVERY_EVENTS))) {
            publishGoods("QC-DLTGOODS01", chat, "Windows Key", goods);

            TopicProbe.Seen dead = deadLetters.awaitOne(s -> "QC-DLTGOODS01".equals(s.key()), Duration.ofSeconds(30));
            assertThat(dead.type()).isEqualTo("ItemsDelivered");
            assertThat(holdsAny(dead.value().toString(), goods)).as("the dead letter holds goods in clear").isFalse();
            assertThat(headersHoldAny(dead, goods)).as("the dead letter's headers hold goods in clear").isFalse();
            assertThat(dead.payload().path("goods").path("ciphertext").asText()).isNotEmpty();
            assertThat(outboundRowsHolding(goods)).as("outbound_log rows holding goods in clear").isZero();
        }
    }

    @Test
    void goodsSealedForAKeyTheNotifierDoesNotHoldAreDeadLetteredWithoutATry() {
        long chat = TelegramUpdates.newChatId();
        GoodsSealer stranger = new GoodsSealer(GoodsTransitKeys.generate().getPublic());
        UUID eventId = UUID.randomUUID();

        try (TopicProbe deadLetters = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.deadLetter(Topics.DELIVERY_EVENTS))) {
            kafka.send(Topics.DELIVERY_EVENTS, "QC-WRONGKEY01", codec.wrap(eventId, "QC-WRONGKEY01", new ItemsDelivered("QC-WRONGKEY01",
                    chat, chat, "en", "Windows Key", 1, stranger.seal(List.of("SECRET-NOT-FOR-US"), "QC-WRONGKEY01", eventId), false)));

            TopicProbe.Seen dead = deadLetters.awaitOne(s -> "QC-WRONGKEY01".equals(s.key()), Duration.ofSeconds(30));
            assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("key id " + stranger.keyId(), "GOODS_TRANSIT_PRIVATE_KEY");
            assertThat(botApi.calls("sendMessage", chat)).isEmpty();
        }
    }

    /** Sealed as delivery-service seals: for the notifier's key, bound to the envelope's own event id. */
    private void publishGoods(String orderId, long chat, String product, List<String> goods) {
        UUID eventId = UUID.randomUUID();
        SealedGoods sealed = new GoodsSealer(GoodsSealer.publicKey(GoodsTransitKeys.publicKey())).seal(goods, orderId, eventId);
        kafka.send(Topics.DELIVERY_EVENTS, orderId, codec.wrap(eventId, orderId,
                new ItemsDelivered(orderId, chat, chat, "en", product, goods.size(), sealed, false)));
    }

    private long outboundRowsHolding(List<String> goods) {
        return goods.stream().mapToLong(item -> jdbc.sql("SELECT count(*) FROM outbound_log t WHERE strpos(t::text, :item) > 0")
                .param("item", item).query(Long.class).single()).sum();
    }

    private static boolean headersHoldAny(TopicProbe.Seen seen, List<String> goods) {
        for (var header : seen.headers()) {
            if (header.value() != null && holdsAny(new String(header.value(), StandardCharsets.UTF_8), goods)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsAny(String text, List<String> goods) {
        return goods.stream().anyMatch(text::contains);
    }

    private void publish(String topic, String key, Object event) {
        kafka.send(topic, key, codec.wrap(key, event));
    }

    private BotCall awaitCall(long chat, String method) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !botApi.calls(method, chat).isEmpty());
        return botApi.calls(method, chat).getFirst();
    }
}
