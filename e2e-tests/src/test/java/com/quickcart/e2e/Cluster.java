package com.quickcart.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.delivery.DeliveryServiceApplication;
import com.quickcart.delivery.fulfilment.Fulfilment;
import com.quickcart.delivery.inventory.Inventory;
import com.quickcart.ingress.IngressApplication;
import com.quickcart.notifier.NotifierApplication;
import com.quickcart.order.OrderServiceApplication;
import com.quickcart.payment.PaymentServiceApplication;
import com.quickcart.payment.wallet.Wallet;
import com.quickcart.testsupport.FakePakasir;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.FakeTelegramBotApi;
import com.quickcart.testsupport.GoodsTransitKeys;
import com.quickcart.testsupport.SandboxPersona;
import com.quickcart.testsupport.TestDatabase;
import com.quickcart.testsupport.TestEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole store: the five services, each its own Spring application with its own schema and
 * consumer group, on one real Kafka broker and one PostgreSQL server, talking to a fake Bot API
 * and a fake Pakasir that both speak their real wire formats.
 */
final class Cluster implements AutoCloseable {

    static final String STORE_NAME = "Toko Digital Uji";
    private static final Duration CHAT_WAIT = Duration.ofSeconds(40);
    /** The store owner (ADMIN_IDS) in every end-to-end test. */
    static final long OWNER = 7_700_000_001L;

    private static Cluster shared;

    /** One cluster for every end-to-end test class in this JVM; stopped when the JVM exits. */
    static synchronized Cluster shared() {
        if (shared == null) {
            shared = new Cluster();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    final FakeTelegramBotApi botApi;
    final FakePakasir pakasir;
    final String databaseUrl;
    final String inventoryKey;
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int ingressPort;

    private Cluster() {
        this(TestDatabase.jdbcUrl(), randomInventoryKey(), new FakeTelegramBotApi(), new FakePakasir());
    }

    /**
     * The five services on a given database with a given inventory key, talking to the given
     * outside APIs: a restore test starts a second cluster on the restored copy with the first
     * one's key, Telegram and Pakasir, as a store restored after losing its database would.
     */
    Cluster(String databaseUrl, String inventoryKey, FakeTelegramBotApi botApi, FakePakasir pakasir) {
        this.databaseUrl = databaseUrl;
        this.inventoryKey = inventoryKey;
        this.botApi = botApi;
        this.pakasir = pakasir;
        Map<String, Object> environment = TestEnvironment.infrastructure();
        environment.put("DATABASE_URL", databaseUrl);
        environment.put("TELEGRAM_API_URL", botApi.baseUrl());
        environment.put("STORE_NAME", STORE_NAME);
        environment.put("PAKASIR_API_URL", pakasir.baseUrl());
        environment.put("PAKASIR_API_KEY", FakePakasir.API_KEY);
        environment.put("PAKASIR_TIMEOUT", "1s");
        environment.put("PAKASIR_EXPIRY_GRACE", "0s");
        environment.put("quickcart.pakasir.expiry-check-every", "300ms");
        environment.put("quickcart.pakasir.circuit-open-for", "2s");
        environment.put("quickcart.bot-api.per-chat-burst", "20");
        environment.put("LIQUIBASE_CONTEXTS", "main,demo");
        // Two owners: the one the operator tests act as, and the sandbox's operator persona; QR
        // messages link to the fake's checkout page, as in the local run.
        environment.put("ADMIN_IDS", OWNER + "," + SandboxPersona.OPERATOR_ID);
        environment.put("PAKASIR_CHECKOUT_URL", pakasir.checkoutUrl());
        environment.put("INVENTORY_KEY", inventoryKey);
        environment.put(GoodsTransitKeys.PUBLIC_KEY_VARIABLE, GoodsTransitKeys.publicKey());
        environment.put(GoodsTransitKeys.PRIVATE_KEY_VARIABLE, GoodsTransitKeys.privateKey());
        services.add(NotifierApplication.application(environment).run());
        services.add(OrderServiceApplication.application(environment).run());
        services.add(PaymentServiceApplication.application(environment).run());
        services.add(DeliveryServiceApplication.application(environment).run());
        services.add(IngressApplication.application(environment).run());
        ingressPort = Integer.parseInt(services.getLast().getEnvironment().getProperty("local.server.port"));
        pakasir.webhookUrl(ingressUrl("/pakasir/webhook"));
        botApi.openSandbox(URI.create(ingressUrl("/telegram/webhook")), TestEnvironment.WEBHOOK_SECRET);
    }

    static String randomInventoryKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    String ingressUrl(String path) {
        return "http://127.0.0.1:" + ingressPort + path;
    }

    /** Where a service answers /actuator: its own port, or its management port where it has one (ingress). */
    static String actuatorUrl(ConfigurableApplicationContext service, String path) {
        String port = service.getEnvironment().getProperty("local.management.port",
                service.getEnvironment().getProperty("local.server.port"));
        return "http://127.0.0.1:" + port + "/actuator" + path;
    }

    List<ConfigurableApplicationContext> services() {
        return services;
    }

    <T> T bean(Class<?> application, Class<T> type) {
        return services.stream().filter(c -> c.getBeansOfType(application).size() == 1).findFirst().orElseThrow().getBean(type);
    }

    JdbcClient orderDb() {
        return bean(OrderServiceApplication.class, JdbcClient.class);
    }

    JdbcClient deliveryDb() {
        return bean(DeliveryServiceApplication.class, JdbcClient.class);
    }

    JdbcClient paymentDb() {
        return bean(PaymentServiceApplication.class, JdbcClient.class);
    }

    /** A new product in the catalogue with {@code items} goods in the inventory, visible to buyers. */
    long newProduct(String name, long price, int items) {
        long id = orderDb().sql("INSERT INTO products (category_id, name, price) VALUES (1, :name, :price) RETURNING id")
                .param("name", name).param("price", price).query(Long.class).single();
        List<String> goods = IntStream.rangeClosed(1, items).mapToObj(n -> "KEY-" + id + "-" + n).toList();
        bean(DeliveryServiceApplication.class, TransactionTemplate.class).executeWithoutResult(status -> {
            bean(DeliveryServiceApplication.class, Inventory.class).add(id, goods);
            bean(DeliveryServiceApplication.class, Fulfilment.class).publishStockLevel(id);
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> stockShown(id) == items);
        return id;
    }

    int stockShown(long productId) {
        return orderDb().sql("SELECT COALESCE((SELECT available FROM product_stock WHERE product_id = :id), -1)")
                .param("id", productId).query(Integer.class).single();
    }

    /** An adjustment credit, as an operator would make, through payment-service's ledger. */
    void credit(long userId, long amount) {
        bean(PaymentServiceApplication.class, TransactionTemplate.class).executeWithoutResult(status ->
                bean(PaymentServiceApplication.class, Wallet.class).credit(userId, Wallet.EntryType.ADJUSTMENT, amount,
                        "test-credit-" + userId + "-" + System.nanoTime()));
        await().atMost(Duration.ofSeconds(20)).until(() -> balanceShown(userId) >= amount);
    }

    long balanceShown(long userId) {
        return orderDb().sql("SELECT COALESCE((SELECT balance FROM balance_projection WHERE user_id = :id), 0)")
                .param("id", userId).query(Long.class).single();
    }

    String orderStatus(String orderId) {
        return orderDb().sql("SELECT status FROM orders WHERE id = :id").param("id", orderId).query(String.class).single();
    }

    HttpResponse<String> postTelegram(JsonNode update) {
        return post("/telegram/webhook", update.toString(), TestEnvironment.WEBHOOK_SECRET);
    }

    HttpResponse<String> postPakasir(JsonNode body) {
        return post("/pakasir/webhook", body.toString(), null);
    }

    private HttpResponse<String> post(String path, String body, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ingressUrl(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tap on a button, as Telegram posts it to the webhook; returns the callback query's id. */
    String tap(long chatId, String data) {
        var update = TelegramUpdates.callback(TelegramUpdates.nextUpdateId(), chatId, 700, data);
        update.with("callback_query").with("from").put("language_code", "en");
        assertThat(postTelegram(update).statusCode()).isEqualTo(200);
        return update.path("callback_query").path("id").asText();
    }

    void say(long chatId, String text) {
        assertThat(postTelegram(TelegramUpdates.text(TelegramUpdates.nextUpdateId(), chatId, text, "en")).statusCode()).isEqualTo(200);
    }

    /** A document the user sends: held by the fake Bot API as Telegram would, posted to the webhook by its file id. */
    void sendDocument(long chatId, byte[] content, String fileName, String mimeType) {
        sendDocument(chatId, botApi.hostFile(content, fileName), fileName, mimeType, content.length);
    }

    /** A document as Telegram describes it in the update, whatever the file behind the id (a size Telegram reports, say). */
    void sendDocument(long chatId, String fileId, String fileName, String mimeType, long fileSize) {
        var update = TelegramUpdates.document(TelegramUpdates.nextUpdateId(), chatId, fileId, fileName, mimeType, fileSize, "en");
        assertThat(postTelegram(update).statusCode()).isEqualTo(200);
    }

    BotCall awaitCall(long chatId, Predicate<BotCall> predicate) {
        return awaitCall(chatId, predicate, 0);
    }

    /**
     * The first Bot API call to the chat that matches, among those after the first {@code skip}
     * calls overall. The predicate, not an assertion, reads the text, so a timeout prints no goods.
     */
    BotCall awaitCall(long chatId, Predicate<BotCall> predicate, int skip) {
        Predicate<BotCall> match = c -> c.chatId() == chatId && predicate.test(c);
        await().atMost(CHAT_WAIT).until(() -> botApi.calls().stream().skip(skip).anyMatch(match));
        return botApi.calls().stream().skip(skip).filter(match).findFirst().orElseThrow();
    }

    /** Stops the five services and leaves the outside APIs running, as when a store's database is lost. */
    void stopServices() {
        services.reversed().forEach(ConfigurableApplicationContext::close);
    }

    @Override
    public void close() {
        stopServices();
        botApi.close();
        pakasir.close();
    }
}
