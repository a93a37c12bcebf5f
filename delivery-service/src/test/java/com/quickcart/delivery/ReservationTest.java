package com.quickcart.delivery;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.delivery.ResendGoods;
import com.quickcart.common.events.order.OrderCancelled;
import com.quickcart.common.events.order.OrderPaid;
import com.quickcart.common.events.order.OrderPlaced;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.goods.GoodsOpener;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.delivery.fulfilment.Fulfilment;
import com.quickcart.delivery.inventory.Inventory;
import com.quickcart.testsupport.GoodsTransitKeys;
import com.quickcart.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = DeliveryServiceApplication.class, properties = {
        "spring.config.name=delivery-service",
        "INVENTORY_KEY=" + ReservationTest.KEY})
class ReservationTest {

    static final String KEY = "q1ZFm0X5mB0d6k1rJ7Vv1Qb3jH6cX2sL9yT4uW8eR0A=";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.infrastructure().forEach((key, value) -> registry.add(key, () -> value));
        registry.add(GoodsTransitKeys.PUBLIC_KEY_VARIABLE, GoodsTransitKeys::publicKey);
    }

    @Autowired Fulfilment fulfilment;
    @Autowired Inventory inventory;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void fiftyConcurrentBuyersForTenItemsGetExactlyTenAndNoItemTwice() throws Exception {
        long product = newProduct(10);
        List<String> orders = IntStream.range(0, 50).mapToObj(i -> "QC-RACE" + UUID.randomUUID().toString().substring(0, 6)).toList();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (String order : orders) {
                done.add(pool.submit(() -> {
                    start.await();
                    tx.executeWithoutResult(status -> fulfilment.reserve(placed(order, product, 1)));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        Map<String, Long> byStatus = jdbc.sql("SELECT status, count(*) AS n FROM reservations WHERE product_id = :p GROUP BY status")
                .param("p", product).query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byStatus).containsEntry("RESERVED", 10L).containsEntry("REJECTED", 40L);
        List<String> holders = jdbc.sql("SELECT order_id FROM inventory_items WHERE product_id = :p").param("p", product)
                .query(String.class).list();
        assertThat(holders).hasSize(10).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(inventory.available(product)).isZero();
    }

    @Test
    void aReservationIsAllOrNothingAndAReleaseRestoresTheStock() {
        long product = newProduct(3);

        tx.executeWithoutResult(s -> fulfilment.reserve(placed("QC-BIG0000001", product, 5)));
        assertThat(inventory.available(product)).isEqualTo(3);

        tx.executeWithoutResult(s -> fulfilment.reserve(placed("QC-TWO0000001", product, 2)));
        assertThat(inventory.available(product)).isEqualTo(1);
        tx.executeWithoutResult(s -> fulfilment.release(new OrderCancelled("QC-TWO0000001", "EXPIRED")));
        tx.executeWithoutResult(s -> fulfilment.release(new OrderCancelled("QC-TWO0000001", "EXPIRED")));

        assertThat(inventory.available(product)).isEqualTo(3);
    }

    @Test
    void goodsAreEncryptedAtRestAndHandedOverOnceInClear() {
        long product = newProduct(0);
        tx.executeWithoutResult(s -> inventory.add(product, List.of("SECRET-LICENCE-1234")));
        byte[] stored = jdbc.sql("SELECT ciphertext FROM inventory_items WHERE product_id = :p").param("p", product)
                .query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("SECRET-LICENCE")).as("stored in clear").isFalse();

        tx.executeWithoutResult(s -> fulfilment.reserve(placed("QC-GOODS00001", product, 1)));
        List<String> first = new ArrayList<>();
        tx.executeWithoutResult(s -> first.addAll(inventory.handOver("QC-GOODS00001")));
        List<String> second = new ArrayList<>();
        tx.executeWithoutResult(s -> second.addAll(inventory.handOver("QC-GOODS00001")));

        assertThat(first.equals(List.of("SECRET-LICENCE-1234"))).as("the item handed over once").isTrue();
        assertThat(second.size()).as("items handed over a second time").isZero();
        assertThat(inventory.delivered("QC-GOODS00001").equals(List.of("SECRET-LICENCE-1234"))).as("the item kept for a re-send").isTrue();
    }

    @Test
    void goodsLeaveOnlySealedForTheNotifierAndBoundToTheEventThatCarriesThem() {
        long product = newProduct(0);
        String secret = "SECRET-SEAL-" + UUID.randomUUID();
        List<String> goods = List.of(secret + "-1", secret + "-2");
        tx.executeWithoutResult(s -> inventory.add(product, goods));
        tx.executeWithoutResult(s -> fulfilment.reserve(placed("QC-SEALED0001", product, 2)));
        GoodsOpener notifier = new GoodsOpener(GoodsOpener.privateKey(GoodsTransitKeys.privateKey()), List.of());

        // Read in the writing transaction: the relay deletes a row once it is published.
        String handedOver = tx.execute(s -> {
            fulfilment.handOver(new OrderPaid("QC-SEALED0001", 42));
            return itemsDeliveredRow("QC-SEALED0001");
        });
        String resent = tx.execute(s -> {
            fulfilment.resend(new ResendGoods("QC-SEALED0001"));
            return itemsDeliveredRow("QC-SEALED0001");
        });

        for (String row : List.of(handedOver, resent)) {
            assertThat(row.contains(secret)).as("the outbox row holds goods in clear").isFalse();
            EventEnvelope envelope = EventCodec.decode(row);
            ItemsDelivered delivered = new EventCodec(java.time.Clock.systemUTC()).unwrap(envelope, ItemsDelivered.class);
            assertThat(delivered.itemCount()).isEqualTo(2);
            assertThat(notifier.open(delivered.goods(), delivered.orderId(), envelope.eventId()).equals(goods))
                    .as("the notifier opens the goods with the event's own id").isTrue();
            assertThatThrownBy(() -> notifier.open(delivered.goods(), delivered.orderId(), UUID.randomUUID()))
                    .isInstanceOf(GoodsOpener.Refused.class);
        }
        assertThat(EventCodec.decode(resent).payload().path("resend").asBoolean()).isTrue();
        assertThat(EventCodec.decode(resent).payload().path("goods").path("ciphertext").asText())
                .as("a re-send seals afresh").isNotEqualTo(EventCodec.decode(handedOver).payload().path("goods").path("ciphertext").asText());
    }

    private String itemsDeliveredRow(String orderId) {
        return jdbc.sql("SELECT envelope FROM outbox WHERE event_type = 'ItemsDelivered' AND event_key = :order ORDER BY seq DESC LIMIT 1")
                .param("order", orderId).query(String.class).single();
    }

    @Test
    void aPaidOrderWithoutAReservationHandsNothingOver() {
        tx.executeWithoutResult(s -> fulfilment.handOver(new OrderPaid("QC-NORESERVE1", 1)));

        assertThat(jdbc.sql("SELECT count(*) FROM inventory_items WHERE order_id = 'QC-NORESERVE1'").query(Long.class).single()).isZero();
    }

    private long newProduct(int items) {
        long product = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        tx.executeWithoutResult(s -> inventory.add(product, IntStream.range(0, items).mapToObj(i -> "ITEM-" + product + "-" + i).toList()));
        return product;
    }

    private static OrderPlaced placed(String orderId, long product, int quantity) {
        return new OrderPlaced(orderId, 42, product, "Test product", quantity, 1000, 0, null, 1000L * quantity,
                PaymentMethod.QRIS);
    }
}
