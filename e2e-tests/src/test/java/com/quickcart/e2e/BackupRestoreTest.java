package com.quickcart.e2e;

import com.quickcart.delivery.config.InventoryProperties;
import com.quickcart.delivery.inventory.InventoryCipher;
import com.quickcart.testsupport.FakePakasir;
import com.quickcart.testsupport.FakeTelegramBotApi;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * deploy/backup.sh and deploy/restore.sh, run as an operator would, against a store that is
 * serving: the backup is taken while QRIS orders wait for their payment and balance orders are
 * being delivered; the store then goes on (payments arrive, goods go out) and loses its database.
 * The backup is restored into an empty database, the consumer groups are rewound to the positions
 * saved with it, and the services start on the copy: they must end where the lost store ended.
 *
 * <p>Runs in a JVM of its own (see the pom): it rewinds the services' consumer groups.
 */
class BackupRestoreTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern ORDER_ID = Pattern.compile("(QC-[0-9A-Z]{10})");
    private static final Set<String> TERMINAL = Set.of("COMPLETED", "CANCELLED", "EXPIRED");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final int BUYERS_EACH_WAY = 4;
    private static final int ITEMS = 20;
    private static final long PRICE = 10_000;
    private static final long CREDIT = 30_000;

    @TempDir
    Path backup;

    @Test
    void aBackupTakenMidCheckoutRestoresIntoAnEmptyDatabaseAndTheStoreEndsWhereTheLostOneDid() throws Exception {
        FakeTelegramBotApi botApi = new FakeTelegramBotApi();
        FakePakasir pakasir = new FakePakasir();
        Cluster lost = new Cluster(TestDatabase.jdbcUrl(), Cluster.randomInventoryKey(), botApi, pakasir);
        long product = lost.newProduct("Backup Uji", PRICE, ITEMS);
        List<Long> balanceBuyers = buyers(lost);
        List<Long> qrisBuyers = buyers(lost);

        balanceBuyers.forEach(buyer -> tap(lost, buyer, "pay:b:" + product + ":1"));
        List<String> qrisOrders = new ArrayList<>();
        for (long buyer : qrisBuyers) {
            tap(lost, buyer, "pay:q:" + product + ":1");
        }
        for (long buyer : qrisBuyers) {
            qrisOrders.add(orderIdIn(awaitCall(botApi, buyer, c -> c.method().equals("sendPhoto")).text()));
        }

        run("deploy/backup.sh", lost.databaseUrl, backup.toString());

        for (String order : qrisOrders) {
            pakasir.markPaid(order);
            assertThat(lost.postPakasir(pakasir.webhookBody(order)).statusCode()).isEqualTo(200);
        }
        await().atMost(WAIT).until(() -> orders(lost.orderDb()).size() == 2 * BUYERS_EACH_WAY
                && orders(lost.orderDb()).values().stream().allMatch("COMPLETED"::equals));
        Map<String, String> lostOrders = orders(lost.orderDb());
        Set<String> lostLedger = ledger(lost.paymentDb());
        Map<Long, Long> lostBalances = balances(lost.paymentDb());
        lost.stopServices();

        String restored = TestDatabase.freshJdbcUrl();
        run("deploy/restore.sh", restored, backup.toString(), "--rewind-groups");
        JdbcClient copy = JdbcClient.create(new DriverManagerDataSource(restored, TestDatabase.user(), ""));

        // The copy is one consistent instant, taken mid-checkout, whose goods still decrypt.
        assertThat(copy.sql("SELECT status FROM order_svc.orders WHERE id IN (:ids)").param("ids", qrisOrders)
                .query(String.class).list()).as("QRIS orders waiting for payment at the backup").containsOnly("AWAITING_PAYMENT");
        assertThat(copy.sql("""
                SELECT count(*) FROM payment_svc.wallet_balances b
                WHERE b.balance <> (SELECT COALESCE(sum(amount), 0) FROM payment_svc.wallet_ledger l WHERE l.user_id = b.user_id)
                """).query(Long.class).single()).as("balances that disagree with their ledger").isZero();
        InventoryCipher cipher = new InventoryCipher(new InventoryProperties(lost.inventoryKey, 1, ""));
        List<String> goods = copy.sql("SELECT key_id, nonce, ciphertext FROM delivery_svc.inventory_items WHERE product_id = :p")
                .param("p", product)
                .query((row, n) -> cipher.open(new InventoryCipher.Sealed(row.getInt(1), row.getBytes(2), row.getBytes(3)))).list();
        assertThat(goods).hasSize(ITEMS).allMatch(item -> item.startsWith("KEY-" + product + "-"));

        // Started on the copy, the store replays what the backup had not seen and ends where the lost one did.
        Cluster restoredStore = new Cluster(restored, lost.inventoryKey, botApi, pakasir);
        try {
            await().atMost(WAIT).until(() -> orders(restoredStore.orderDb()).equals(lostOrders));
            await().atMost(WAIT).until(() -> ledger(restoredStore.paymentDb()).equals(lostLedger));
            assertThat(balances(restoredStore.paymentDb())).isEqualTo(lostBalances);
            for (long buyer : balanceBuyers) {
                assertThat(lostBalances.get(buyer)).isEqualTo(CREDIT - PRICE);
                await().atMost(WAIT).until(() -> restoredStore.balanceShown(buyer) == CREDIT - PRICE);
            }
            assertThat(orders(restoredStore.orderDb()).values()).allMatch(TERMINAL::contains);
            await().atMost(WAIT).until(() -> restoredStore.deliveryDb()
                    .sql("SELECT count(*) FROM reservations WHERE status = 'RESERVED'").query(Long.class).single() == 0);
            assertThat(restoredStore.deliveryDb().sql("SELECT status, count(*) FROM inventory_items WHERE product_id = :p GROUP BY status")
                    .param("p", product).query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list())
                    .as("each sold item delivered once, the rest on sale")
                    .containsExactlyInAnyOrder(Map.entry("DELIVERED", (long) 2 * BUYERS_EACH_WAY),
                            Map.entry("AVAILABLE", (long) ITEMS - 2 * BUYERS_EACH_WAY));
            await().atMost(WAIT).until(() -> restoredStore.stockShown(product) == ITEMS - 2 * BUYERS_EACH_WAY);
        } finally {
            restoredStore.close();
        }
    }

    private static List<Long> buyers(Cluster cluster) {
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS_EACH_WAY; i++) {
            long buyer = TelegramUpdates.newChatId();
            cluster.credit(buyer, CREDIT);
            buyers.add(buyer);
        }
        return buyers;
    }

    private static Map<String, String> orders(JdbcClient db) {
        Map<String, String> orders = new HashMap<>();
        db.sql("SELECT id, status FROM orders").query((row, n) -> orders.put(row.getString(1), row.getString(2))).list();
        return orders;
    }

    /** Every ledger entry by what it is, not by its row id (a replay may number rows differently). */
    private static Set<String> ledger(JdbcClient db) {
        return new TreeSet<>(db.sql("SELECT user_id || ' ' || entry_type || ' ' || amount || ' ' || reference FROM wallet_ledger")
                .query(String.class).list());
    }

    private static Map<Long, Long> balances(JdbcClient db) {
        Map<Long, Long> balances = new HashMap<>();
        db.sql("SELECT user_id, balance FROM wallet_balances").query((row, n) -> balances.put(row.getLong(1), row.getLong(2))).list();
        return balances;
    }

    private static void tap(Cluster cluster, long chatId, String data) {
        var update = TelegramUpdates.callback(TelegramUpdates.nextUpdateId(), chatId, 700, data);
        update.with("callback_query").with("from").put("language_code", "en");
        assertThat(cluster.postTelegram(update).statusCode()).isEqualTo(200);
    }

    private static BotCall awaitCall(FakeTelegramBotApi botApi, long chatId, java.util.function.Predicate<BotCall> predicate) {
        await().atMost(WAIT).until(() -> botApi.calls().stream().anyMatch(c -> c.chatId() == chatId && predicate.test(c)));
        return botApi.calls().stream().filter(c -> c.chatId() == chatId && predicate.test(c)).findFirst().orElseThrow();
    }

    private static String orderIdIn(String text) {
        Matcher matcher = ORDER_ID.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    /** One of the deploy scripts, as an operator runs it, with the services' own settings. */
    private void run(String script, String databaseUrl, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve(script).toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("quickcart-script", ".log");
        ProcessBuilder process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = process.environment();
        environment.put("DATABASE_URL", databaseUrl);
        environment.put("DATABASE_USER", TestDatabase.user());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers());
        environment.put("QC_OPERATIONS_CLASSPATH", System.getProperty("java.class.path"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("QC_RUN_DIR", backup.resolveSibling(backup.getFileName() + "-run").toString());
        int exit = process.start().waitFor();
        assertThat(exit).as(script + " said:\n" + Files.readString(output)).isZero();
    }
}
