package com.quickcart.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quickcart.common.messaging.PermanentFailure;
import com.quickcart.testsupport.CheckoutInvariants;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What must hold after every fault, once the load has stopped and the store has settled. Each
 * check has a name (the fault table lists them) and, when broken, what it found; none prints goods.
 */
final class StoreChecks {

    static final List<String> NAMES = List.of(
            "accepted updates handled once", "orders terminal", "saga invariants (money/goods/stock)", "ledger balanced",
            "deposits credited once", "goods to one customer", "lag drains", "outboxes empty", "DLT only permanent",
            "no 5xx while Kafka up", "no service died / OOM");

    private static final List<String> GROUPS = List.of("order-service", "payment-service", "delivery-service", "notifier-service");
    private static final Pattern GOODS = Pattern.compile(FaultCluster.GOODS_MARK + "\\d+-\\d+-[0-9a-f]{8}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FaultCluster cluster;
    private final Webhooks webhooks;
    private final Shoppers shoppers;
    private final Set<Long> blockedChats;
    /** Goods lines Telegram received more than once for the same chat, as of the last run of the checks. */
    volatile long resentGoods;

    StoreChecks(FaultCluster cluster, Webhooks webhooks, Shoppers shoppers, Set<Long> blockedChats) {
        this.cluster = cluster;
        this.webhooks = webhooks;
        this.shoppers = shoppers;
        this.blockedChats = blockedChats;
    }

    /**
     * Waits (up to {@code atMost}) until no order or payment is waiting and no consumer lags;
     * returns how long that took. Pending payments count: a deposit nobody paid expires on its own
     * after the load has stopped, and its events must not be caught half way by the checks.
     */
    Duration settle(Duration atMost) {
        Instant start = Instant.now();
        Instant deadline = start.plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            if (quietly(() -> waitingOrders() == 0 && pendingPayments() == 0 && lag().isEmpty() && pendingOutbox().isEmpty(), false)) {
                return Duration.between(start, Instant.now());
            }
            Webhooks.sleep(Duration.ofSeconds(1));
        }
        return Duration.between(start, Instant.now());
    }

    /** Every check, by name: empty when it holds, else what broke it. */
    Map<String, String> run() {
        Map<String, String> broken = new LinkedHashMap<>();
        CheckoutInvariants.Stores stores = cluster.stores();
        check(broken, "accepted updates handled once", this::unhandledUpdates);
        check(broken, "orders terminal", () -> {
            long waiting = waitingOrders();
            return waiting == 0 ? List.of() : List.of(waiting + " orders still waiting: " + stores.orders()
                    .sql("SELECT id || ' ' || status FROM orders WHERE status NOT IN ('COMPLETED','CANCELLED','EXPIRED','REFUNDED') LIMIT 5")
                    .query(String.class).list());
        });
        check(broken, "saga invariants (money/goods/stock)", () -> FaultCluster.STOCK.entrySet().stream()
                .flatMap(e -> CheckoutInvariants.check(stores, e.getKey(), e.getValue(), List.of()).stream()).toList());
        check(broken, "ledger balanced", () -> CheckoutInvariants.ledgersBalance(stores, shoppers.customers));
        check(broken, "deposits credited once", () -> depositsCreditedOnce(stores.payments()));
        check(broken, "goods to one customer", () -> goodsSentOnce(stores.orders()));
        check(broken, "lag drains", this::lagAfterAMoment);
        check(broken, "outboxes empty", this::pendingOutbox);
        check(broken, "DLT only permanent", this::deadLettersThatCouldSucceed);
        check(broken, "no 5xx while Kafka up", () -> webhooks.serverErrorsWhileKafkaUp.stream().limit(5).toList());
        check(broken, "no service died / OOM", () -> cluster.processes().stream()
                .filter(p -> p.diedOnItsOwn() || p.ranOutOfMemory()).map(ServiceProcess::name).toList());
        return broken;
    }

    private static void check(Map<String, String> broken, String name, Supplier<List<String>> check) {
        List<String> problems;
        try {
            problems = check.get();
        } catch (RuntimeException e) {
            problems = List.of("could not check: " + e);
        }
        if (!problems.isEmpty()) {
            broken.put(name, String.join("; ", problems.stream().limit(8).toList()) + (problems.size() > 8 ? " (+" + (problems.size() - 8) + ")" : ""));
        }
    }

    private static boolean quietly(Supplier<Boolean> condition, boolean otherwise) {
        try {
            return condition.get();
        } catch (RuntimeException e) {
            return otherwise;
        }
    }

    long waitingOrders() {
        return cluster.db("order_svc").sql("SELECT count(*) FROM orders WHERE status NOT IN ('COMPLETED','CANCELLED','EXPIRED','REFUNDED')")
                .query(Long.class).single();
    }

    /** The inbox's primary key (consumer, event id) makes "once" hold by itself; this asks for "at all". */
    private List<String> unhandledUpdates() {
        Set<UUID> handled = cluster.db("order_svc").sql("SELECT event_id FROM processed_events WHERE consumer = 'telegram-updates'")
                .query(UUID.class).set();
        return webhooks.acceptedUpdates.stream()
                .filter(id -> !handled.contains(UUID.nameUUIDFromBytes(("telegram-update:" + id).getBytes(StandardCharsets.UTF_8))))
                .map(id -> "update " + id + " answered 200 but never handled").toList();
    }

    private List<String> depositsCreditedOnce(JdbcClient payments) {
        Map<String, Long> credits = new HashMap<>();
        payments.sql("SELECT reference, count(*) AS n FROM wallet_ledger WHERE entry_type = 'DEPOSIT' GROUP BY reference")
                .query((rs, n) -> credits.put(rs.getString("reference"), rs.getLong("n"))).list();
        List<String> broken = new ArrayList<>();
        shoppers.paidDeposits.forEach(id -> {
            if (credits.getOrDefault(id, 0L) != 1) {
                broken.add("paid deposit " + id + " credited " + credits.getOrDefault(id, 0L) + " times");
            }
        });
        shoppers.unpaidDeposits.forEach(id -> {
            if (credits.containsKey(id)) {
                broken.add("unpaid deposit " + id + " credited");
            }
        });
        return broken;
    }

    /**
     * Each goods line reached exactly one chat, and every completed order's goods reached a customer
     * who has not blocked the bot. The same line twice to the same chat is counted, not failed: a
     * notifier killed between Telegram's answer and its own commit sends again (Telegram has no
     * idempotency key); the inventory still handed the item over once, which the saga check asserts.
     */
    private List<String> goodsSentOnce(JdbcClient orders) {
        Map<String, Set<Long>> chatsPerLine = new HashMap<>();
        Map<String, Long> sends = new HashMap<>();
        for (BotCall call : cluster.chats.all()) {
            if (call.method().equals("sendMessage") || call.method().equals("sendDocument")) {
                Matcher goods = GOODS.matcher(call.text());
                while (goods.find()) {
                    chatsPerLine.computeIfAbsent(goods.group(), g -> new java.util.HashSet<>()).add(call.chatId());
                    sends.merge(goods.group(), 1L, Long::sum);
                }
            }
        }
        resentGoods = sends.values().stream().filter(n -> n > 1).count();
        List<String> broken = new ArrayList<>();
        long toTwoChats = chatsPerLine.values().stream().filter(chats -> chats.size() > 1).count();
        if (toTwoChats > 0) {
            broken.add(toTwoChats + " goods lines reached two different customers");
        }
        String blocked = blockedChats.isEmpty() ? "0" : blockedChats.stream().map(String::valueOf).collect(Collectors.joining(","));
        long owed = orders.sql("SELECT COALESCE(sum(quantity), 0) FROM orders WHERE status = 'COMPLETED' AND user_id NOT IN (" + blocked + ")")
                .query(Long.class).single();
        long owedToBlocked = orders.sql("SELECT COALESCE(sum(quantity), 0) FROM orders WHERE status = 'COMPLETED' AND user_id IN (" + blocked + ")")
                .query(Long.class).single();
        if (chatsPerLine.size() < owed || chatsPerLine.size() > owed + owedToBlocked) {
            broken.add(chatsPerLine.size() + " goods lines reached customers, but completed orders hold " + owed
                    + " units (+" + owedToBlocked + " for chats that blocked the bot)");
        }
        return broken;
    }

    long pendingPayments() {
        return cluster.db("payment_svc").sql("SELECT count(*) FROM payments WHERE status = 'PENDING'").query(Long.class).single();
    }

    /**
     * Lag, read until it is gone or for at most ten seconds: a record written a moment before the
     * read (a scheduled sweep's, say) is lag that is draining, not lag that stays.
     */
    private List<String> lagAfterAMoment() {
        Instant deadline = Instant.now().plusSeconds(10);
        List<String> lagging = lag();
        while (!lagging.isEmpty() && Instant.now().isBefore(deadline)) {
            Webhooks.sleep(Duration.ofSeconds(1));
            lagging = lag();
        }
        return lagging;
    }

    /** Consumer groups behind the end of a partition they read. */
    List<String> lag() {
        try (Admin admin = admin()) {
            List<String> lagging = new ArrayList<>();
            for (String group : GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                committed.forEach((tp, offset) -> {
                    long behind = ends.get(tp).offset() - (offset == null ? 0 : offset.offset());
                    if (behind > 0) {
                        lagging.add(group + " " + tp + " behind by " + behind);
                    }
                });
            }
            return lagging;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read consumer lag: " + e, e);
        }
    }

    List<String> pendingOutbox() {
        List<String> pending = new ArrayList<>();
        for (String schema : List.of("order_svc", "payment_svc", "delivery_svc")) {
            long rows = cluster.db(schema).sql("SELECT count(*) FROM outbox").query(Long.class).single();
            if (rows > 0) {
                pending.add(schema + " outbox holds " + rows);
            }
        }
        return pending;
    }

    /** Dead letters whose cause is not a {@link PermanentFailure}: a record that could succeed, given time, must not be there. */
    private List<String> deadLettersThatCouldSucceed() {
        List<String> wrong = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : deadLetters()) {
            String cause = header(record, "kafka_dlt-exception-cause-fqcn");
            String exception = header(record, "kafka_dlt-exception-fqcn");
            if (!isPermanent(cause) && !isPermanent(exception)) {
                wrong.add(record.topic() + " " + type(record.value()) + " (" + (cause != null ? cause : exception) + ": "
                        + header(record, "kafka_dlt-exception-message") + ")");
            }
        }
        return wrong;
    }

    /** How many records the DLTs hold, for the table; -1 when the broker cannot be read. */
    int deadLetterCount() {
        try {
            return deadLetters().size();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters() {
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(10)).entrySet().stream()
                    .filter(t -> t.getKey().endsWith(".dlt"))
                    .flatMap(t -> t.getValue().stream().map(p -> new TopicPartition(p.topic(), p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
            }
        }
        return letters;
    }

    private static boolean isPermanent(String className) {
        if (className == null) {
            return false;
        }
        try {
            return PermanentFailure.class.isAssignableFrom(Class.forName(className))
                    || className.endsWith("DeserializationException") || className.endsWith("MessageConversionException");
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String type(byte[] value) {
        try {
            JsonNode envelope = JSON.readTree(value);
            return envelope == null ? "?" : envelope.path("type").asText("?");
        } catch (Exception e) {
            return "(not JSON)";
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafka.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }
}
