package com.quickcart.e2e.saga;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.pakasir.PakasirCallbackReceived;
import com.quickcart.common.events.telegram.TelegramUpdateReceived;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.EventRouter;
import com.quickcart.delivery.DeliveryServiceApplication;
import com.quickcart.delivery.fulfilment.Fulfilment;
import com.quickcart.delivery.inventory.Inventory;
import com.quickcart.order.OrderServiceApplication;
import com.quickcart.order.checkout.OrderTimeouts;
import com.quickcart.payment.PaymentServiceApplication;
import com.quickcart.payment.payments.ExpirySweep;
import com.quickcart.payment.payments.PakasirWork;
import com.quickcart.payment.wallet.Wallet;
import com.quickcart.testsupport.FakePakasir;
import com.quickcart.testsupport.GoodsTransitKeys;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TestDatabase;
import com.quickcart.testsupport.TestEnvironment;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * order-, payment- and delivery-service, each its own Spring application on its own schema, with
 * Kafka taken out of the middle: their outbox relays and listeners are off, and this class plays
 * the broker. It moves outbox rows into per-(listener, topic, key) queues, which keeps Kafka's one
 * promise (order within a key's partition) and nothing more, then lets a test decide what is
 * delivered when: any queue's head, a redelivery of anything already handled, or a crash half way
 * through a handler (its transaction rolled back, the record still at the head). The handlers
 * are the services' own listener methods, found by their {@code @KafkaListener} annotations.
 */
final class SagaWorld implements AutoCloseable {

    /** Attempts before the world "dead-letters" a record, as the real error handler would. */
    private static final int MAX_ATTEMPTS = 4;

    final FakePakasir pakasir = new FakePakasir();
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Map<String, ArrayList<EventEnvelope>> queues = new LinkedHashMap<>();
    private final Map<String, Subscriber> queueOwners = new LinkedHashMap<>();
    private final List<Handled> handled = new ArrayList<>();
    /** Every record that would have crossed Kafka, as the relay would have sent it. */
    final List<String> published = new ArrayList<>();
    final List<String> deadLetters = new ArrayList<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private final EventCodec codec = new EventCodec(java.time.Clock.systemUTC());
    private Instant clock = Instant.now();

    SagaWorld() {
        Map<String, Object> environment = TestEnvironment.infrastructure();
        // Its own database: the end-to-end cluster in the same JVM must never relay these rows.
        environment.put("DATABASE_URL", TestDatabase.freshJdbcUrl());
        environment.put("PAKASIR_API_URL", pakasir.baseUrl());
        environment.put("PAKASIR_API_KEY", FakePakasir.API_KEY);
        environment.put("PAKASIR_TIMEOUT", "2s");
        environment.put("PAKASIR_EXPIRY_GRACE", "0s");
        environment.put("TELEGRAM_API_URL", "http://127.0.0.1:9");
        environment.put("LIQUIBASE_CONTEXTS", "main");
        environment.put("spring.kafka.listener.auto-startup", "false");
        environment.put("quickcart.messaging.outbox-relay-auto-startup", "false");
        // Time is the test's: sweeps run only when a step calls them, with the instant it chooses.
        environment.put("quickcart.pakasir.expiry-check-every", "1h");
        environment.put("quickcart.orders.check-every", "1h");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        environment.put("INVENTORY_KEY", Base64.getEncoder().encodeToString(key));
        environment.put(GoodsTransitKeys.PUBLIC_KEY_VARIABLE, GoodsTransitKeys.publicKey());
        services.add(OrderServiceApplication.application(environment).run());
        services.add(PaymentServiceApplication.application(environment).run());
        services.add(DeliveryServiceApplication.application(environment).run());
        services.forEach(this::discoverListeners);
        orderDb().sql("INSERT INTO categories (name) VALUES ('Uji') ON CONFLICT DO NOTHING").update();
        collect();
        queues.clear();
        published.clear();
    }

    // --- arranging ---------------------------------------------------------------------------

    /** A product with {@code items} goods, all available; returns its id. */
    long newProduct(long price, int items) {
        long id = orderDb().sql("""
                        INSERT INTO products (category_id, name, price) VALUES ((SELECT min(id) FROM categories), 'Uji', :price)
                        RETURNING id""")
                .param("price", price).query(Long.class).single();
        List<String> goods = new ArrayList<>();
        for (int n = 1; n <= items; n++) {
            goods.add(Goods.of(id, n));
        }
        in(DeliveryServiceApplication.class, TransactionTemplate.class).executeWithoutResult(status -> {
            bean(DeliveryServiceApplication.class, Inventory.class).add(id, goods);
            bean(DeliveryServiceApplication.class, Fulfilment.class).publishStockLevel(id);
        });
        orderDb().sql("INSERT INTO product_stock (product_id, available) VALUES (:id, :n) ON CONFLICT (product_id) DO UPDATE SET available = :n")
                .param("id", id).param("n", items).update();
        return id;
    }

    /** A voucher taking 100 % off, usable once per customer. */
    String freeVoucher() {
        String code = "FREE" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        orderDb().sql("""
                        INSERT INTO vouchers (code, kind, value, total_uses, valid_until)
                        VALUES (:code, 'PERCENT', 100, 1000, now() + interval '1 day')""")
                .param("code", code).update();
        return code;
    }

    void credit(long userId, long amount) {
        in(PaymentServiceApplication.class, TransactionTemplate.class).executeWithoutResult(status ->
                bean(PaymentServiceApplication.class, Wallet.class).credit(userId, Wallet.EntryType.ADJUSTMENT, amount,
                        "world-credit-" + userId));
    }

    // --- the outside world's moves ------------------------------------------------------------

    /** A tap, as Telegram would deliver it to the ingress: queued on telegram.updates under the chat's key. */
    void tap(long chatId, String callbackData) {
        long updateId = TelegramUpdates.nextUpdateId();
        ObjectNode update = TelegramUpdates.callback(updateId, chatId, 700, callbackData);
        offer(Topics.TELEGRAM_UPDATES, Long.toString(chatId), codec.wrap(
                UUID.nameUUIDFromBytes(("telegram-update:" + updateId).getBytes()), Long.toString(chatId),
                new TelegramUpdateReceived(updateId, update)));
    }

    /** Pakasir's webhook for {@code orderId}, as the ingress would publish it. */
    void callback(String orderId, long amount, String status, String completedAt) {
        PakasirCallbackReceived body = new PakasirCallbackReceived(orderId, amount, FakePakasir.PROJECT, status, "qris", completedAt);
        UUID eventId = UUID.nameUUIDFromBytes(("pakasir:" + orderId + ":" + amount + ":" + status + ":" + completedAt).getBytes());
        offer(Topics.PAKASIR_CALLBACKS, orderId, codec.wrap(eventId, orderId, body));
    }

    /** Time passes by {@code by}; payment's sweeps (expiry, Pakasir calls still owed) and order's timeouts run at the new instant. */
    void timePasses(Duration by) {
        clock = clock.plus(by);
        bean(PaymentServiceApplication.class, ExpirySweep.class).sweep(clock);
        bean(PaymentServiceApplication.class, PakasirWork.class).sweep(clock);
        bean(OrderServiceApplication.class, OrderTimeouts.class).sweep(clock);
        collect();
    }

    // --- the broker's moves -------------------------------------------------------------------

    List<String> nonEmptyQueues() {
        return queues.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    /** Delivers the head of {@code queue}; a handler that throws leaves it there, up to the dead-letter limit. */
    void deliverHead(String queue) {
        EventEnvelope envelope = queues.get(queue).getFirst();
        Subscriber subscriber = queueOwners.get(queue);
        try {
            subscriber.deliver(envelope);
        } catch (RuntimeException e) {
            int attempts = failures.merge(envelope.eventId() + "@" + queue, 1, Integer::sum);
            if (attempts >= MAX_ATTEMPTS) {
                queues.get(queue).removeFirst();
                deadLetters.add(envelope.type() + " on " + queue + ": " + e);
            }
            collect();
            return;
        }
        queues.get(queue).removeFirst();
        handled.add(new Handled(queue, envelope));
        collect();
    }

    /** The head of {@code queue} is handled but the service dies before committing: nothing sticks. */
    void crashWhileHandling(String queue) {
        EventEnvelope envelope = queues.get(queue).getFirst();
        Subscriber subscriber = queueOwners.get(queue);
        try {
            subscriber.transactions.executeWithoutResult(status -> {
                status.setRollbackOnly();
                subscriber.deliver(envelope);
            });
        } catch (RuntimeException ignored) {
            // A handler failing inside a transaction that dies anyway: the same outcome, nothing committed.
        }
        collect();
    }

    /** Kafka hands a record that was already handled to its consumer again (a rebalance before the commit). */
    void redeliver(int pick) {
        if (handled.isEmpty()) {
            return;
        }
        Handled again = handled.get(Math.floorMod(pick, handled.size()));
        try {
            queueOwners.get(again.queue()).deliver(again.envelope());
        } catch (RuntimeException e) {
            deadLetters.add("redelivered " + again.envelope().type() + " failed: " + e);
        }
        collect();
    }

    /** Delivers queue heads while any queue accepted by {@code which} has one. */
    void deliverWhile(Predicate<String> which) {
        for (int guard = 0; guard < 10_000; guard++) {
            List<String> ready = nonEmptyQueues().stream().filter(which).toList();
            if (ready.isEmpty()) {
                return;
            }
            deliverHead(ready.getFirst());
        }
        throw new AssertionError("delivery does not converge");
    }

    /** The head of {@code queue} is lost to the dead-letter topic and nobody replays it. */
    void loseHead(String queue) {
        queues.get(queue).removeFirst();
    }

    /** Delivers everything and lets time run out for whatever still waits, until nothing moves. */
    void settle() {
        for (int round = 0; round < 20; round++) {
            drain();
            timePasses(Duration.ofHours(3));
            if (nonEmptyQueues().isEmpty()) {
                return;
            }
        }
        throw new AssertionError("the saga never settles: still queued " + nonEmptyQueues());
    }

    private void drain() {
        for (int guard = 0; guard < 10_000; guard++) {
            List<String> ready = nonEmptyQueues();
            if (ready.isEmpty()) {
                return;
            }
            deliverHead(ready.getFirst());
        }
        throw new AssertionError("delivery does not converge");
    }

    // --- reading the services' state ----------------------------------------------------------

    JdbcClient orderDb() {
        return in(OrderServiceApplication.class, JdbcClient.class);
    }

    JdbcClient paymentDb() {
        return in(PaymentServiceApplication.class, JdbcClient.class);
    }

    JdbcClient deliveryDb() {
        return in(DeliveryServiceApplication.class, JdbcClient.class);
    }

    private <T> T in(Class<?> application, Class<T> type) {
        return bean(application, type);
    }

    private <T> T bean(Class<?> application, Class<T> type) {
        return services.stream().filter(c -> c.getBeansOfType(application).size() == 1).findFirst().orElseThrow().getBean(type);
    }

    // --- plumbing -----------------------------------------------------------------------------

    /** Moves every service's outbox rows onto the queues of the listeners subscribed to their topics. */
    private void collect() {
        for (ConfigurableApplicationContext service : services) {
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            List<Row> rows = jdbc.sql("SELECT seq, topic, event_key, envelope FROM outbox ORDER BY seq")
                    .query((rs, n) -> new Row(rs.getLong("seq"), rs.getString("topic"), rs.getString("event_key"),
                            rs.getString("envelope"))).list();
            for (Row row : rows) {
                jdbc.sql("DELETE FROM outbox WHERE seq = :seq").param("seq", row.seq()).update();
                published.add(row.envelope());
                offer(row.topic(), row.key(), EventCodec.decode(row.envelope()));
            }
        }
    }

    private void offer(String topic, String key, EventEnvelope envelope) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.topics().contains(topic)) {
                String queue = subscriber.name() + "|" + topic + "|" + key;
                queueOwners.put(queue, subscriber);
                queues.computeIfAbsent(queue, q -> new ArrayList<>()).add(envelope);
            }
        }
    }

    private void discoverListeners(ConfigurableApplicationContext context) {
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        for (Object bean : context.getBeansWithAnnotation(Component.class).values()) {
            for (Method method : AopUtils.getTargetClass(bean).getDeclaredMethods()) {
                KafkaListener listener = method.getAnnotation(KafkaListener.class);
                if (listener != null) {
                    method.setAccessible(true);
                    subscribers.add(new Subscriber(listener.id(), Set.of(listener.topics()), bean, method, tx));
                }
            }
        }
    }

    @Override
    public void close() {
        services.reversed().forEach(ConfigurableApplicationContext::close);
        pakasir.close();
    }

    private record Row(long seq, String topic, String key, String envelope) {
    }

    private record Handled(String queue, EventEnvelope envelope) {
    }

    private record Subscriber(String name, Set<String> topics, Object bean, Method method, TransactionTemplate transactions) {

        void deliver(EventEnvelope envelope) {
            try {
                if (method.getParameterCount() == 2) {
                    // A listener that hands records to keyed lanes (ADR 27) runs its routing table on
                    // a lane thread; the world runs the same table here, on its own thread, so a
                    // failure reaches it as a crash half way through the handler.
                    ((EventRouter) routerOf(bean)).route(envelope);
                    return;
                }
                method.invoke(bean, envelope);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Object routerOf(Object listener) throws IllegalAccessException {
        for (java.lang.reflect.Field field : AopUtils.getTargetClass(listener).getDeclaredFields()) {
            if (field.getType() == EventRouter.class) {
                field.setAccessible(true);
                return field.get(listener);
            }
        }
        throw new IllegalStateException(listener.getClass() + " hands records to lanes but has no EventRouter the world can run");
    }

    /** The goods a world's products hold: recognisable, so a check can look for them anywhere. */
    static final class Goods {
        static final String MARK = "SECRET-GOODS-";

        static String of(long productId, int n) {
            return MARK + productId + "-" + n + "-" + UUID.randomUUID();
        }

        private Goods() {
        }
    }
}
