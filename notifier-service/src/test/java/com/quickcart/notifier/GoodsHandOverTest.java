package com.quickcart.notifier;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.SealedGoods;
import com.quickcart.common.events.telegram.GoodsDelivery;
import com.quickcart.common.goods.GoodsSealer;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// Closed after the class: a cached context would stay in group notifier-service and take
// partitions (with a stopped fake Bot API) from the next class's context.
@DirtiesContext
@SpringBootTest(classes = NotifierApplication.class, properties = "spring.config.name=notifier-service")
/**
 * A customer's goods as order-service hands them over: a {@link GoodsDelivery} command on
 * telegram.outbound naming the chat and the words, with delivery-service's seal inside, bound to
 * the delivery event it names. Only the notifier opens it.
 */
class GoodsHandOverTest {

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
    void theSameGoodsCommandDeliveredTwiceReachesTheCustomerOnce() {
        long chat = TelegramUpdates.newChatId();
        EventEnvelope command = goods("QC-TWICE00001", chat, UUID.randomUUID(), List.of("ONCE-ONLY"));

        kafka.send(Topics.TELEGRAM_OUTBOUND, Long.toString(chat), command);
        kafka.send(Topics.TELEGRAM_OUTBOUND, Long.toString(chat), command);
        kafka.send(Topics.TELEGRAM_OUTBOUND, Long.toString(chat), goods("QC-TWICE00002", chat, UUID.randomUUID(), List.of("MARKER")));

        await().atMost(Duration.ofSeconds(30)).until(() -> botApi.calls("sendMessage", chat).size() >= 2);
        assertThat(botApi.calls("sendMessage", chat)).extracting(BotCall::text)
                .filteredOn(text -> text.contains("ONCE-ONLY")).hasSize(1);
    }

    @Test
    void fewGoodsArriveInTheMessageUnderOrderServicesHeadingAndManyAsATextFile() {
        long few = TelegramUpdates.newChatId();
        long many = TelegramUpdates.newChatId();
        List<String> bulk = IntStream.range(0, 200).mapToObj(i -> "LICENSE-KEY-%05d-ABCDEFGHIJKLMNOP".formatted(i)).toList();

        publish(few, goods("QC-FEW0000001", few, UUID.randomUUID(), List.of("AAAA-BBBB", "CCCC-DDDD")));
        publish(many, goods("QC-MANY000001", many, UUID.randomUUID(), bulk));

        String message = awaitCall(few, "sendMessage").text();
        assertThat(message).startsWith("Order QC-FEW0000001: Key (2)\n\n");
        assertThat(message.contains("AAAA-BBBB\nCCCC-DDDD")).as("both items, one a line").isTrue();
        BotCall document = awaitCall(many, "sendDocument");
        String file = new String(document.file("document"), StandardCharsets.UTF_8);
        assertThat(file.lines().filter(l -> l.startsWith("LICENSE-KEY-")).count()).isEqualTo(200);
        assertThat(document.text()).isEqualTo("Order QC-MANY000001: Key (200)\n\nIn the attached file.");
    }

    @Test
    void aGoodsSendTelegramRefusesIsDeadLetteredStillSealed() {
        long chat = TelegramUpdates.newChatId();
        List<String> items = List.of("SECRET-DLT-" + UUID.randomUUID());
        botApi.failNext("sendMessage", 1, 400, null);

        try (TopicProbe deadLetters = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.deadLetter(Topics.TELEGRAM_OUTBOUND))) {
            publish(chat, goods("QC-DLTGOODS01", chat, UUID.randomUUID(), items));

            TopicProbe.Seen dead = deadLetters.awaitOne(s -> Long.toString(chat).equals(s.key()), Duration.ofSeconds(30));
            assertThat(dead.type()).isEqualTo("GoodsDelivery");
            assertThat(holdsAny(dead.value().toString(), items)).as("the dead letter holds goods in clear").isFalse();
            assertThat(headersHoldAny(dead, items)).as("the dead letter's headers hold goods in clear").isFalse();
            assertThat(dead.payload().path("goods").path("ciphertext").asText()).isNotEmpty();
            assertThat(outboundRowsHolding(items)).as("outbound_log rows holding goods in clear").isZero();
        }
    }

    @Test
    void goodsSealedForAKeyTheNotifierDoesNotHoldOrForAnotherEventAreDeadLetteredWithoutATry() {
        long stranger = TelegramUpdates.newChatId();
        long moved = TelegramUpdates.newChatId();
        GoodsSealer someoneElse = new GoodsSealer(GoodsTransitKeys.generate().getPublic());
        UUID deliveryEvent = UUID.randomUUID();
        SealedGoods forSomeoneElse = someoneElse.seal(List.of("SECRET-NOT-FOR-US"), "QC-WRONGKEY01", deliveryEvent);
        SealedGoods forAnotherEvent = sealer().seal(List.of("SECRET-OTHER-EVENT"), "QC-WRONGEVT01", UUID.randomUUID());

        try (TopicProbe deadLetters = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.deadLetter(Topics.TELEGRAM_OUTBOUND))) {
            publish(stranger, codec.wrap(Long.toString(stranger),
                    new GoodsDelivery(stranger, "QC-WRONGKEY01", deliveryEvent, "Order QC-WRONGKEY01", "file", 1, forSomeoneElse)));
            publish(moved, codec.wrap(Long.toString(moved),
                    new GoodsDelivery(moved, "QC-WRONGEVT01", deliveryEvent, "Order QC-WRONGEVT01", "file", 1, forAnotherEvent)));

            TopicProbe.Seen dead = deadLetters.awaitOne(s -> Long.toString(stranger).equals(s.key()), Duration.ofSeconds(30));
            assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("key id " + someoneElse.keyId(), "GOODS_TRANSIT_PRIVATE_KEY");
            deadLetters.awaitOne(s -> Long.toString(moved).equals(s.key()), Duration.ofSeconds(30));
            assertThat(botApi.calls("sendMessage", stranger)).isEmpty();
            assertThat(botApi.calls("sendMessage", moved)).as("a seal opens only for the delivery event it was made for").isEmpty();
        }
    }

    /** Sealed as delivery-service seals (for the notifier's key, bound to its delivery event), passed on as order-service does. */
    private EventEnvelope goods(String orderId, long chat, UUID deliveryEvent, List<String> items) {
        SealedGoods sealed = sealer().seal(items, orderId, deliveryEvent);
        return codec.wrap(Long.toString(chat), new GoodsDelivery(chat, orderId, deliveryEvent,
                "Order " + orderId + ": Key (" + items.size() + ")", "In the attached file.", items.size(), sealed));
    }

    private static GoodsSealer sealer() {
        return new GoodsSealer(GoodsSealer.publicKey(GoodsTransitKeys.publicKey()));
    }

    private void publish(long chat, EventEnvelope command) {
        kafka.send(Topics.TELEGRAM_OUTBOUND, Long.toString(chat), command);
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


    private BotCall awaitCall(long chat, String method) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !botApi.calls(method, chat).isEmpty());
        return botApi.calls(method, chat).getFirst();
    }
}
