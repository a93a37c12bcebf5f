package com.quickcart.faults;

import com.quickcart.delivery.DeliveryServiceApplication;
import com.quickcart.ingress.IngressApplication;
import com.quickcart.notifier.NotifierApplication;
import com.quickcart.order.OrderServiceApplication;
import com.quickcart.payment.PaymentServiceApplication;
import com.quickcart.testsupport.CheckoutInvariants;
import com.quickcart.testsupport.FakePakasir;
import com.quickcart.testsupport.FakeTelegramBotApi;
import com.quickcart.testsupport.GoodsTransitKeys;
import com.quickcart.testsupport.KafkaProcess;
import com.quickcart.testsupport.PrivatePostgres;
import com.quickcart.testsupport.PrivateRedis;
import com.quickcart.testsupport.ServiceProcess;
import com.quickcart.testsupport.TestEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * The whole store as it runs in production, one process per part: the five services each in a
 * JVM of its own ({@link ServiceProcess}, which a fault can kill -9 and start again), a Kafka
 * broker in its own JVM, and a PostgreSQL server and a Redis of the suite's own, so that
 * restarting or freezing them touches no one else's tests. The outside world (Telegram's Bot API,
 * Pakasir) is the test-support fakes in this JVM.
 */
final class FaultCluster implements AutoCloseable {

    static final Duration START_WITHIN = Duration.ofSeconds(180);

    /** The product the shoppers buy (Canva Pro from the demo catalogue, Rp 15.000) and how many goods it gets. */
    static final Map<Long, Integer> STOCK = Map.of(9L, 1_500);
    /** Every goods line starts with this, so a check can find goods in what reached Telegram. */
    static final String GOODS_MARK = "FG-";

    final Path work;
    final PrivatePostgres postgres;
    final PrivateRedis redis;
    final KafkaProcess kafka;
    final Chats chats = new Chats();
    final FakeTelegramBotApi botApi = new FakeTelegramBotApi(0, FakeTelegramBotApi.TOKEN, chats::heard);
    final FakePakasir pakasir = new FakePakasir();
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, URI> health = new HashMap<>();
    private final Map<String, Object> environment;
    private final String databaseUrl;
    private final int ingressPort = ServiceProcess.freePort();

    FaultCluster(Path work) {
        this.work = work;
        try {
            // A run's broker storage, databases and logs are its own: a rerun without `mvn clean`
            // would otherwise find Kafka's storage formatted and stop.
            if (Files.exists(work)) {
                try (var paths = Files.walk(work)) {
                    for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<KafkaProcess> broker = CompletableFuture.supplyAsync(() -> KafkaProcess.start(work.resolve("kafka")));
        postgres = PrivatePostgres.start();
        redis = PrivateRedis.start(work.resolve("redis.log"));
        kafka = broker.join();
        databaseUrl = postgres.newDatabase("quickcart");
        environment = environment();
        start("notifier", NotifierApplication.class, "NOTIFIER_PORT", "NOTIFIER_PORT");
        start("order", OrderServiceApplication.class, "ORDER_PORT", "ORDER_PORT");
        start("payment", PaymentServiceApplication.class, "PAYMENT_PORT", "PAYMENT_PORT");
        start("delivery", DeliveryServiceApplication.class, "DELIVERY_PORT", "DELIVERY_PORT");
        start("ingress", IngressApplication.class, "INGRESS_PORT", "INGRESS_MANAGEMENT_PORT");
        // The imports are delivery-service JVMs too: only once delivery has created its schema's
        // tables, or their Liquibase races delivery's to create the changelog table and one dies.
        awaitHealthy("delivery", START_WITHIN);
        java.util.concurrent.ExecutorService starter = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        List<CompletableFuture<Void>> imports = STOCK.entrySet().stream()
                .map(e -> CompletableFuture.runAsync(() -> importGoods(e.getKey(), e.getValue()), starter)).toList();
        services.keySet().forEach(name -> awaitHealthy(name, START_WITHIN));
        imports.forEach(CompletableFuture::join);
        starter.close();
        pakasir.webhookUrl(ingressUrl("/pakasir/webhook"));
    }

    private Map<String, Object> environment() {
        Map<String, Object> env = TestEnvironment.infrastructure(kafka.bootstrapServers(), databaseUrl, "postgres");
        env.put("REDIS_URL", redis.url());
        env.put("TELEGRAM_API_URL", botApi.baseUrl());
        env.put("PAKASIR_API_URL", pakasir.baseUrl());
        env.put("PAKASIR_API_KEY", FakePakasir.API_KEY);
        env.put("PAKASIR_CHECKOUT_URL", pakasir.checkoutUrl());
        env.put("PAKASIR_TIMEOUT", "2s");
        env.put("PAKASIR_EXPIRY_GRACE", "0s");
        env.put("quickcart.pakasir.expiry-check-every", "1s");
        env.put("quickcart.pakasir.circuit-open-for", "3s");
        // An order whose stock answer a fault delayed ends within a settle rather than in five minutes.
        env.put("ORDER_PENDING_TIMEOUT", "60s");
        env.put("LIQUIBASE_CONTEXTS", "main,demo");
        env.put("STORE_NAME", "Toko Uji Gangguan");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        env.put("INVENTORY_KEY", Base64.getEncoder().encodeToString(key));
        env.put(GoodsTransitKeys.PUBLIC_KEY_VARIABLE, GoodsTransitKeys.publicKey());
        env.put(GoodsTransitKeys.PRIVATE_KEY_VARIABLE, GoodsTransitKeys.privateKey());
        env.put("LOG_FORMAT", "logstash");
        return env;
    }

    private void start(String name, Class<?> main, String portVariable, String healthPortVariable) {
        Map<String, Object> env = new HashMap<>(environment);
        int port = name.equals("ingress") ? ingressPort : ServiceProcess.freePort();
        env.put(portVariable, port);
        int healthPort = port;
        if (!healthPortVariable.equals(portVariable)) {
            healthPort = ServiceProcess.freePort();
            env.put(healthPortVariable, healthPort);
        }
        health.put(name, URI.create("http://127.0.0.1:" + healthPort + "/actuator/health"));
        services.put(name, ServiceProcess.start(name, main, env, work.resolve(name + ".log")));
    }

    /** delivery-service run as the operator's one-off goods import (deploy/load-goods.sh), as a store loads its stock. */
    private void importGoods(long product, int items) {
        Path file = work.resolve("goods-" + product + ".txt");
        List<String> lines = IntStream.rangeClosed(1, items)
                .mapToObj(n -> GOODS_MARK + product + "-" + n + "-" + UUID.randomUUID().toString().substring(0, 8)).toList();
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> env = new HashMap<>(environment);
        env.put("DELIVERY_PORT", ServiceProcess.freePort());
        env.put("quickcart.inventory.import-product", product);
        env.put("quickcart.inventory.import-file", file);
        int exit = ServiceProcess.start("import-" + product, DeliveryServiceApplication.class, env, work.resolve("import-" + product + ".log"))
                .awaitExit(START_WITHIN);
        if (exit != 0) {
            throw new IllegalStateException("the goods import for product " + product + " exited with " + exit);
        }
    }

    void awaitHealthy(String name, Duration atMost) {
        services.get(name).awaitHealthy(health.get(name), atMost);
    }

    /** kill -9 of one service: no shutdown hook, no commit, no goodbye to its consumer group. */
    void kill(String name) {
        services.get(name).kill();
    }

    /** A new JVM in the killed one's place, as Kubernetes restarts a crashed pod; returns when it is healthy again. */
    void restart(String name) {
        services.get(name).restart();
        awaitHealthy(name, START_WITHIN);
    }

    String ingressUrl(String path) {
        return "http://127.0.0.1:" + ingressPort + path;
    }

    CheckoutInvariants.Stores stores() {
        return new CheckoutInvariants.Stores(db("order_svc"), db("payment_svc"), db("delivery_svc"));
    }

    JdbcClient db(String schema) {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
                databaseUrl + "?currentSchema=" + schema + "&connectTimeout=5&socketTimeout=30", "postgres", "");
        return JdbcClient.create(dataSource);
    }

    List<ServiceProcess> processes() {
        List<ServiceProcess> all = new ArrayList<>(services.values());
        all.add(kafka.process());
        return all;
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
        kafka.close();
        redis.close();
        postgres.close();
        botApi.close();
        pakasir.close();
    }
}
