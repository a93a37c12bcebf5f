package com.quickcart.delivery;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.StockUpload;
import com.quickcart.common.events.delivery.WithdrawStock;
import com.quickcart.common.goods.GoodsSealer;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.delivery.inventory.Inventory;
import com.quickcart.delivery.inventory.InventoryCipher;
import com.quickcart.testsupport.GoodsTransitKeys;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.StockIntakeKeys;
import com.quickcart.testsupport.TestEnvironment;
import com.quickcart.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators' uploads as delivery-service takes them off delivery.commands: sealed for its
 * stock-intake key, stored once per item however uploads overlap or race, answered in counts.
 */
@SpringBootTest(classes = DeliveryServiceApplication.class, properties = {
        "spring.config.name=delivery-service",
        "INVENTORY_KEY=" + ReservationTest.KEY})
class StockIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.infrastructure().forEach((key, value) -> registry.add(key, () -> value));
        registry.add(GoodsTransitKeys.PUBLIC_KEY_VARIABLE, GoodsTransitKeys::publicKey);
    }

    @Autowired KafkaTemplate<String, com.quickcart.common.events.EventEnvelope> kafka;
    @Autowired EventCodec codec;
    @Autowired Inventory inventory;
    @Autowired InventoryCipher cipher;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    private final GoodsSealer sealer = new GoodsSealer(GoodsSealer.publicKey(StockIntakeKeys.publicKey()));

    @Test
    void anUploadAddsEachNewItemOnceAndAnswersWithCountsOnly() {
        long product = newProduct();
        inventory.add(product, List.of("HELD-1"));
        List<String> lines = new ArrayList<>(List.of("HELD-1", "NEW-1", "", "NEW-2", "NEW-1", "   ", "y".repeat(4_001), "NEW-3"));

        try (TopicProbe events = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.DELIVERY_EVENTS)) {
            String uploadId = upload(product, String.join("\n", lines));

            TopicProbe.Seen answer = events.awaitOne(s -> s.type().equals("StockUploaded")
                    && s.payload().path("uploadId").asText().equals(uploadId), WAIT);
            assertThat(answer.payload().path("lines").asInt()).isEqualTo(8);
            assertThat(answer.payload().path("added").asInt()).isEqualTo(3);
            assertThat(answer.payload().path("duplicates").asInt()).as("the item held already and the repeated line").isEqualTo(2);
            assertThat(answer.payload().path("blank").asInt()).isEqualTo(2);
            assertThat(answer.payload().path("tooLong").asInt()).isEqualTo(1);
            assertThat(answer.payload().path("availableBefore").asInt()).isEqualTo(1);
            assertThat(answer.payload().path("availableAfter").asInt()).isEqualTo(4);
            assertThat(answer.value().toString()).doesNotContain("NEW-1").doesNotContain("HELD-1");
            events.awaitOne(s -> s.type().equals("StockLevelChanged") && s.key().equals(Long.toString(product))
                    && s.payload().path("available").asInt() == 4, WAIT);
        }
        assertThat(goodsOf(product)).containsExactlyInAnyOrder("HELD-1", "NEW-1", "NEW-2", "NEW-3");
    }

    @Test
    void anUploadOverTenThousandLinesOrWithoutAnItemAddsNothingAndSaysWhy() {
        long product = newProduct();
        try (TopicProbe events = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.DELIVERY_EVENTS)) {
            String tooMany = upload(product, "KEY-\n".repeat(10_001));
            String empty = upload(product, "\n\n  \n");

            TopicProbe.Seen first = events.awaitOne(s -> s.payload().path("uploadId").asText().equals(tooMany), WAIT);
            assertThat(first.payload().path("refusal").asText()).isEqualTo("TOO_MANY_LINES");
            assertThat(first.payload().path("lines").asInt()).isEqualTo(10_001);
            TopicProbe.Seen second = events.awaitOne(s -> s.payload().path("uploadId").asText().equals(empty), WAIT);
            assertThat(second.payload().path("refusal").asText()).isEqualTo("EMPTY");
            assertThat(second.payload().path("blank").asInt()).isEqualTo(3);
        }
        assertThat(inventory.available(product)).isZero();
    }

    @Test
    void twoUploadsRacingWithTheSameItemsStoreEachItemOnce() throws Exception {
        long product = newProduct();
        List<String> first = IntStream.range(0, 2_000).mapToObj(n -> "RACE-" + product + "-" + n).toList();
        List<String> second = IntStream.range(1_000, 3_000).mapToObj(n -> "RACE-" + product + "-" + n).toList().reversed();
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> addRacing(start, product, first));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> addRacing(start, product, second));

        assertThat(a.get() + b.get()).as("items the two uploads added between them").isEqualTo(3_000);
        assertThat(inventory.available(product)).isEqualTo(3_000);
        assertThat(goodsOf(product)).doesNotHaveDuplicates().hasSize(3_000);
    }

    @Test
    void anOperatorWithdrawsUnsoldItemsByCountAndCannotTakeMoreThanThereAre() {
        long product = newProduct();
        inventory.add(product, List.of("W-1", "W-2", "W-3"));
        try (TopicProbe events = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.DELIVERY_EVENTS)) {
            send(product, UUID.randomUUID(), new WithdrawStock("w-" + product, product, 2, 42));
            TopicProbe.Seen done = events.awaitOne(s -> s.type().equals("StockWithdrawn") && s.key().equals(Long.toString(product)), WAIT);
            assertThat(done.payload().path("withdrawn").asInt()).isEqualTo(2);
            assertThat(done.payload().path("availableAfter").asInt()).isEqualTo(1);

            send(product, UUID.randomUUID(), new WithdrawStock("w2-" + product, product, 5, 42));
            TopicProbe.Seen rest = events.awaitOne(s -> s.type().equals("StockWithdrawn")
                    && s.payload().path("requestId").asText().equals("w2-" + product), WAIT);
            assertThat(rest.payload().path("withdrawn").asInt()).isEqualTo(1);
            assertThat(rest.payload().path("availableAfter").asInt()).isZero();
        }
    }

    private Integer addRacing(CyclicBarrier start, long product, List<String> items) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return tx.execute(status -> inventory.add(product, items));
    }

    private String upload(long product, String text) {
        String uploadId = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        send(product, eventId, new StockUpload(uploadId, product, 42, "document",
                sealer.seal(List.of(text), StockUpload.sealedFor(uploadId), eventId), null, text.length()));
        return uploadId;
    }

    private void send(long product, UUID eventId, Object command) {
        kafka.send(Topics.DELIVERY_COMMANDS, Long.toString(product), codec.wrap(eventId, Long.toString(product), command));
    }

    private List<String> goodsOf(long product) {
        return jdbc.sql("SELECT key_id, nonce, ciphertext FROM inventory_items WHERE product_id = :p").param("p", product)
                .query((rs, n) -> cipher.open(new InventoryCipher.Sealed(rs.getInt("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext"))))
                .list();
    }

    private static long newProduct() {
        return 50_000 + Math.floorMod(System.nanoTime(), 1_000_000L);
    }
}
