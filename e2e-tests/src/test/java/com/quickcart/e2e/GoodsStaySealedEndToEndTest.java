package com.quickcart.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.delivery.DeliveryServiceApplication;
import com.quickcart.delivery.fulfilment.Fulfilment;
import com.quickcart.delivery.inventory.Inventory;
import com.quickcart.notifier.NotifierApplication;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Goods leave the inventory for one reader only: the notifier, which hands them to the buyer.
 * A real purchase (and a re-send) is driven through the whole store, then every record of every
 * topic and dead-letter topic, every outbox row the services wrote, every row of every schema and
 * every log line is searched for the goods. Assertions count; they never print what they found,
 * so a failure here does not leak the goods into the build log either.
 */
class GoodsStaySealedEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final List<String> SCHEMAS = List.of("order_svc", "payment_svc", "delivery_svc", "notifier_svc");
    private static Cluster cluster;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Level quickcartLevel;

    @BeforeAll
    static void startCluster() {
        cluster = Cluster.shared();
        for (JdbcClient db : databases()) {
            captureOutboxRows(db);
        }
    }

    @BeforeEach
    void captureLogs() {
        Logger quickcart = (Logger) LoggerFactory.getLogger("com.quickcart");
        quickcartLevel = quickcart.getLevel();
        quickcart.setLevel(Level.DEBUG);
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stopCapturingLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        logs.stop();
        ((Logger) LoggerFactory.getLogger("com.quickcart")).setLevel(quickcartLevel);
    }

    @Test
    void theBuyerGetsTheGoodsAndNoTopicOutboxRowTableOrLogLineHoldsThemInClear() {
        List<String> goods = secrets(2, 24);
        long product = productWithGoods("Sealed Uji", 15_000, goods);
        long buyer = buyerWithBalance(30_000);

        cluster.tap(buyer, "pay:b:" + product + ":2");

        BotCall delivered = cluster.awaitCall(buyer, c -> containsAll(c.text(), goods));
        assertThat(delivered.method()).isEqualTo("sendMessage");
        String orderId = cluster.orderDb().sql("SELECT id FROM orders WHERE user_id = :u").param("u", buyer).query(String.class).single();
        await().atMost(WAIT).until(() -> cluster.orderStatus(orderId).equals("COMPLETED"));

        cluster.tap(buyer, "rs:" + orderId);
        cluster.awaitCall(buyer, c -> c.text().startsWith("🎁 Again, order " + orderId) && containsAll(c.text(), goods));

        Scan topics = scanEveryTopic(goods, orderId);
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(topics.itemsDeliveredForOrder())
                    .as("ItemsDelivered records of the order on delivery.events (hand-over and re-send)").isEqualTo(2);
            soft.assertThat(topics.recordsHoldingGoods()).as("records on any topic or dead-letter topic holding goods in clear").isZero();
            soft.assertThat(capturedOutboxRows("ItemsDelivered", orderId)).as("ItemsDelivered rows delivery-service's outbox wrote")
                    .isEqualTo(2);
            soft.assertThat(capturedOutboxRowsHolding(goods)).as("outbox rows of any service holding goods in clear").isZero();
            soft.assertThat(tableRowsHolding(goods)).as("rows of any table of any service holding goods in clear").isZero();
            soft.assertThat(logLinesHolding(goods)).as("log events holding goods in clear").isZero();
            soft.assertThat(loggedEvents().stream().anyMatch(e -> orderId.equals(e.getMDCPropertyMap().get("order_id"))
                    && e.getFormattedMessage().startsWith("items handed over"))).as("the log capture saw the hand-over").isTrue();
        });
    }

    @Test
    void goodsAnOwnerUploadsOrPastesStaySealedFromTheChatToTheBuyer() {
        List<String> goods = secrets(5, 30);
        long product = cluster.orderDb().sql("INSERT INTO products (category_id, name, price) VALUES (1, 'Upload Sealed Uji', 12000) RETURNING id")
                .query(Long.class).single();
        int skip = cluster.botApi.calls().size();
        cluster.tap(Cluster.OWNER, "sk:up:" + product);
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains(".txt or .csv document"), skip);
        cluster.sendDocument(Cluster.OWNER, String.join("\n", goods.subList(0, 3)).getBytes(StandardCharsets.UTF_8), "sealed.txt", "text/plain");
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("added 3"), skip);
        int pasted = cluster.botApi.calls().size();
        cluster.tap(Cluster.OWNER, "sk:up:" + product);
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("Paste the goods"), pasted);
        cluster.say(Cluster.OWNER, String.join("\n", goods.subList(3, 5)));
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("added 2"), pasted);
        await().atMost(WAIT).until(() -> cluster.stockShown(product) == 5);

        long buyer = buyerWithBalance(12_000);
        cluster.tap(buyer, "pay:b:" + product + ":1");
        cluster.awaitCall(buyer, c -> holdsAny(c.text(), goods));
        String orderId = awaitOrderOf(buyer);
        await().atMost(WAIT).until(() -> cluster.orderStatus(orderId).equals("COMPLETED"));

        Scan topics = scanEveryTopic(goods, orderId);
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(topics.recordsHoldingGoods()).as("records on any topic or dead-letter topic holding uploaded goods in clear").isZero();
            soft.assertThat(cluster.deliveryDb().sql("SELECT count(*) FROM outbox_seen WHERE event_type = 'StockUploaded' AND event_key = :k")
                    .param("k", Long.toString(product)).query(Long.class).single()).as("the answers delivery-service wrote").isEqualTo(2);
            soft.assertThat(cluster.orderDb().sql("SELECT count(*) FROM outbox_seen WHERE event_type = 'StockUpload' AND event_key = :k")
                    .param("k", Long.toString(product)).query(Long.class).single()).as("the sealed paste order-service wrote").isEqualTo(1);
            soft.assertThat(cluster.bean(NotifierApplication.class, JdbcClient.class)
                    .sql("SELECT count(*) FROM outbox_seen WHERE event_type = 'StockUpload' AND event_key = :k")
                    .param("k", Long.toString(product)).query(Long.class).single()).as("the sealed upload the notifier wrote").isEqualTo(1);
            soft.assertThat(capturedOutboxRowsHolding(goods)).as("outbox rows of any service holding uploaded goods in clear").isZero();
            soft.assertThat(tableRowsHolding(goods)).as("rows of any table of any service holding uploaded goods in clear").isZero();
            soft.assertThat(logLinesHolding(goods)).as("log events holding uploaded goods in clear").isZero();
            soft.assertThat(loggedEvents().stream().anyMatch(e -> e.getFormattedMessage().startsWith("document of goods passed on sealed")))
                    .as("the log capture saw the upload pass through the notifier").isTrue();
        });
    }

    @Test
    void aGoodsSendTelegramRefusesIsDeadLetteredSealedAndStillDeliversWhenReplayed() {
        // Long enough to travel as a .txt document: no other message of the store uses sendDocument.
        List<String> goods = secrets(3, 1_400);
        long product = productWithGoods("Dead Letter Uji", 20_000, goods);
        long buyer = buyerWithBalance(60_000);

        try (TopicProbe deadLetters = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.deadLetter(Topics.TELEGRAM_OUTBOUND))) {
            // A refusal that retrying cannot fix (a 5xx is waited out instead, never dead-lettered).
            cluster.botApi.refuseNext("sendDocument", 400, "Bad Request: file must be non-empty");
            cluster.tap(buyer, "pay:b:" + product + ":3");
            String orderId = awaitOrderOf(buyer);

            // order-service passed the seal on to the notifier as a GoodsDelivery command, keyed by the buyer's chat.
            TopicProbe.Seen dead = deadLetters.awaitOne(s -> Long.toString(buyer).equals(s.key()) && "GoodsDelivery".equals(s.type()), WAIT);
            assertThat(dead.payload().path("orderId").asText()).isEqualTo(orderId);
            List<BotCall> attempts = cluster.botApi.calls("sendDocument", buyer);
            assertThat(attempts.size()).as("attempts to send the goods").isEqualTo(1);
            assertThat(attempts.stream().allMatch(c -> c.status() == 400)).as("the attempt was refused").isTrue();
            assertThat(holdsAny(dead.value() == null ? "" : dead.value().toString(), goods))
                    .as("the dead letter's value holds goods in clear").isFalse();
            assertThat(headersHoldAny(dead.headers(), goods)).as("the dead letter's headers hold goods in clear").isFalse();
            assertThat(dead.payload().path("goods").path("ciphertext").asText()).as("the dead letter carries the sealed goods").isNotEmpty();
            assertThat(logLinesHolding(goods)).as("log events holding goods in clear").isZero();

            // Replayed as deploy/dlt-replay.sh would, unchanged: it names the delivery event the seal is bound to.
            EventEnvelope letter = EventCodec.decode(dead.value().toString());
            @SuppressWarnings("unchecked")
            KafkaTemplate<String, EventEnvelope> kafka = cluster.bean(NotifierApplication.class, KafkaTemplate.class);
            kafka.send(Topics.TELEGRAM_OUTBOUND, letter.key(), letter);

            BotCall document = cluster.awaitCall(buyer, c -> c.method().equals("sendDocument") && c.status() == 200);
            assertThat(containsAll(new String(document.file("document"), StandardCharsets.UTF_8), goods))
                    .as("the replayed dead letter handed every item to the buyer").isTrue();
        }
    }

    // --- where goods must not be ------------------------------------------------------------------

    private record Scan(long itemsDeliveredForOrder, long recordsHoldingGoods) {
    }

    /** Every record of every topic and its dead-letter twin, from the start to the current end. */
    private static Scan scanEveryTopic(List<String> goods, String orderId) {
        long itemsDelivered = 0;
        long holding = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.ALL) {
                for (String name : List.of(topic, Topics.deadLetter(topic))) {
                    consumer.partitionsFor(name).forEach(p -> partitions.add(new TopicPartition(name, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("read every topic to its end in time").isLessThan(deadline);
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                    if (holdsAny(value, goods) || holdsAny(String.valueOf(record.key()), goods) || headersHoldAny(record.headers(), goods)) {
                        holding++;
                    }
                    if (record.topic().equals(Topics.DELIVERY_EVENTS) && orderId.equals(record.key())
                            && value.contains("\"type\":\"ItemsDelivered\"")) {
                        itemsDelivered++;
                    }
                }
            }
        }
        return new Scan(itemsDelivered, holding);
    }

    /** Outbox rows are deleted once published: a trigger keeps a copy of each for this test to search. */
    private static void captureOutboxRows(JdbcClient db) {
        db.sql("CREATE TABLE IF NOT EXISTS outbox_seen (event_id UUID, event_key TEXT, event_type TEXT, envelope TEXT)").update();
        db.sql("""
                CREATE OR REPLACE FUNCTION outbox_seen_copy() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO outbox_seen VALUES (NEW.event_id, NEW.event_key, NEW.event_type, NEW.envelope);
                  RETURN NEW;
                END $$""").update();
        db.sql("DROP TRIGGER IF EXISTS outbox_seen_copy ON outbox").update();
        db.sql("CREATE TRIGGER outbox_seen_copy AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_seen_copy()").update();
    }

    private static long capturedOutboxRows(String type, String key) {
        return cluster.deliveryDb().sql("SELECT count(*) FROM outbox_seen WHERE event_type = :type AND event_key = :key")
                .param("type", type).param("key", key).query(Long.class).single();
    }

    private static long capturedOutboxRowsHolding(List<String> goods) {
        long rows = 0;
        for (JdbcClient db : databases()) {
            for (String item : goods) {
                rows += db.sql("SELECT count(*) FROM outbox_seen WHERE strpos(envelope, :item) > 0")
                        .param("item", item).query(Long.class).single();
            }
        }
        return rows;
    }

    /**
     * Every row of every table of every service's schema, as text (inventory_items holds only
     * ciphertext), but this test's own copy of the outbox, searched on its own above.
     */
    private static long tableRowsHolding(List<String> goods) {
        JdbcClient db = cluster.orderDb();
        long rows = 0;
        for (String schema : SCHEMAS) {
            List<String> tables = db.sql("""
                            SELECT table_name FROM information_schema.tables
                            WHERE table_schema = :s AND table_type = 'BASE TABLE' AND table_name <> 'outbox_seen'""")
                    .param("s", schema).query(String.class).list();
            for (String table : tables) {
                for (String item : goods) {
                    rows += db.sql("SELECT count(*) FROM " + schema + ".\"" + table + "\" t WHERE strpos(t::text, :item) > 0")
                            .param("item", item).query(Long.class).single();
                }
            }
        }
        return rows;
    }

    /** A copy: the services keep logging while the test reads (AppenderBase appends under the appender's lock). */
    private List<ILoggingEvent> loggedEvents() {
        synchronized (logs) {
            return new ArrayList<>(logs.list);
        }
    }

    private long logLinesHolding(List<String> goods) {
        return loggedEvents().stream().filter(event -> {
            StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
            event.getMDCPropertyMap().values().forEach(v -> text.append('\n').append(v));
            if (event.getKeyValuePairs() != null) {
                event.getKeyValuePairs().forEach(kv -> text.append('\n').append(kv.value));
            }
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append('\n').append(t.getMessage());
            }
            return holdsAny(text.toString(), goods);
        }).count();
    }

    private static boolean headersHoldAny(Iterable<Header> headers, List<String> goods) {
        for (Header header : headers) {
            if (header.value() != null && holdsAny(new String(header.value(), StandardCharsets.UTF_8), goods)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsAny(String text, List<String> goods) {
        return goods.stream().anyMatch(text::contains);
    }

    private static boolean containsAll(String text, List<String> goods) {
        return goods.stream().allMatch(text::contains);
    }

    private static List<JdbcClient> databases() {
        return List.of(cluster.orderDb(), cluster.paymentDb(), cluster.deliveryDb(),
                cluster.bean(NotifierApplication.class, JdbcClient.class));
    }

    // --- driving the store --------------------------------------------------------------------------

    /** Goods no other test uses, each {@code length} characters long. */
    private static List<String> secrets(int count, int length) {
        return IntStream.range(0, count).mapToObj(n -> {
            String marker = "SECRET-" + UUID.randomUUID() + "-";
            StringBuilder item = new StringBuilder(marker);
            while (item.length() < length) {
                item.append(HexFormat.of().toHexDigits(item.length() * 31 + n));
            }
            return item.substring(0, Math.max(length, marker.length()));
        }).toList();
    }

    private static long productWithGoods(String name, long price, List<String> goods) {
        long id = cluster.orderDb().sql("INSERT INTO products (category_id, name, price) VALUES (1, :name, :price) RETURNING id")
                .param("name", name).param("price", price).query(Long.class).single();
        cluster.bean(DeliveryServiceApplication.class, TransactionTemplate.class).executeWithoutResult(status -> {
            cluster.bean(DeliveryServiceApplication.class, Inventory.class).add(id, goods);
            cluster.bean(DeliveryServiceApplication.class, Fulfilment.class).publishStockLevel(id);
        });
        await().atMost(WAIT).until(() -> cluster.stockShown(id) == goods.size());
        return id;
    }

    /** Balance purchases: no QR, no Pakasir, the shortest way to a paid order. */
    private static long buyerWithBalance(long balance) {
        long buyer = TelegramUpdates.newChatId();
        cluster.tap(buyer, "m");
        cluster.credit(buyer, balance);
        return buyer;
    }

    private static String awaitOrderOf(long buyer) {
        JdbcClient db = cluster.orderDb();
        await().atMost(WAIT).until(() -> db.sql("SELECT count(*) FROM orders WHERE user_id = :u").param("u", buyer)
                .query(Long.class).single() == 1);
        return db.sql("SELECT id FROM orders WHERE user_id = :u").param("u", buyer).query(String.class).single();
    }

}
