package com.quickcart.e2e;

import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.TelegramUpdates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An owner stocks a product from the chat, through all five services: a .txt document goes by
 * its file id to the notifier, which fetches it from the (fake) Bot API and passes it on sealed
 * to delivery-service; the counts come back to the owner, the stock customers see rises, and
 * what a customer buys is one of the uploaded items. Uploads that overlap never store an item
 * twice; a bad upload gets a message that says what to fix.
 */
class StockUploadEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = Cluster.shared();
    }

    @Test
    void anOwnerUploadsAThousandLinesAndACustomerBuysOneOfThem() {
        long product = productFromTheBot("Upload Uji " + System.nanoTime() % 100_000);
        List<String> items = IntStream.range(0, 985).mapToObj(n -> "UPLOAD-" + product + "-" + UUID.randomUUID()).toList();
        List<String> lines = new ArrayList<>(items);
        for (int n = 0; n < 10; n++) {
            lines.add(50 * n + 7, items.get(n * 90));
        }
        for (int n = 0; n < 5; n++) {
            lines.add(100 * n + 3, n % 2 == 0 ? "" : "   ");
        }
        assertThat(lines).hasSize(1_000);

        int skip = cluster.botApi.calls().size();
        cluster.tap(Cluster.OWNER, "sk:up:" + product);
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains(".txt or .csv document"), skip);
        cluster.sendDocument(Cluster.OWNER, (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8), "goods.txt", "text/plain");

        BotCall counts = cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("added 985"), skip);
        assertThat(counts.text()).contains("Duplicates (already held or repeated in the upload): 10", "Rejected: 5 (blank lines 5",
                "In stock: 0 \u2192 985");
        await().atMost(WAIT).until(() -> cluster.stockShown(product) == 985);
        assertThat(cluster.orderDb().sql("SELECT after::text FROM audit_log WHERE action = 'stock.upload' AND subject = :s")
                .param("s", "product:" + product).query(String.class).single()).contains("\"added\": 985").doesNotContain("UPLOAD-");

        long buyer = TelegramUpdates.newChatId();
        cluster.tap(buyer, "m");
        cluster.credit(buyer, 20_000);
        cluster.tap(buyer, "pay:b:" + product + ":1");
        BotCall goods = cluster.awaitCall(buyer, c -> c.text().contains("UPLOAD-" + product + "-"));
        assertThat(items.stream().filter(goods.text()::contains)).as("the buyer got exactly one uploaded item").hasSize(1);
        await().atMost(WAIT).until(() -> cluster.stockShown(product) == 984);
    }

    @Test
    void overlappingUploadsSentTogetherNeverStoreAnItemTwice() {
        long product = productFromTheBot("Race Uji " + System.nanoTime() % 100_000);
        List<String> items = IntStream.range(0, 900).mapToObj(n -> "RACE-" + product + "-" + n).toList();
        int skip = cluster.botApi.calls().size();

        cluster.tap(Cluster.OWNER, "sk:up:" + product);
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains(".txt or .csv document"), skip);
        cluster.sendDocument(Cluster.OWNER, String.join("\n", items.subList(0, 600)).getBytes(StandardCharsets.UTF_8), "a.txt", "text/plain");
        cluster.tap(Cluster.OWNER, "sk:up:" + product);
        cluster.sendDocument(Cluster.OWNER, String.join("\n", items.subList(300, 900)).getBytes(StandardCharsets.UTF_8), "b.csv", "text/csv");

        await().atMost(WAIT).until(() -> cluster.botApi.calls().stream().skip(skip)
                .filter(c -> c.chatId() == Cluster.OWNER && c.text().contains("Duplicates (already held")).count() == 2);
        List<BotCall> answers = cluster.botApi.calls().stream().skip(skip)
                .filter(c -> c.chatId() == Cluster.OWNER && c.text().contains("Duplicates (already held")).toList();
        assertThat(answers).anySatisfy(c -> assertThat(c.text()).contains("added 600"))
                .anySatisfy(c -> assertThat(c.text()).contains("added 300", "Duplicates (already held or repeated in the upload): 300"));
        await().atMost(WAIT).until(() -> cluster.stockShown(product) == 900);
        assertThat(cluster.deliveryDb().sql("SELECT count(*) FROM inventory_items WHERE product_id = :p").param("p", product)
                .query(Long.class).single()).isEqualTo(900);
    }

    @Test
    void badUploadsGetAMessageThatSaysWhatToFixAndAddNothing() {
        long product = productFromTheBot("Bad Upload Uji " + System.nanoTime() % 100_000);
        int skip = cluster.botApi.calls().size();
        cluster.tap(Cluster.OWNER, "sk:up:" + product);
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains(".txt or .csv document"), skip);

        cluster.sendDocument(Cluster.OWNER, "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "keys.pdf", "application/pdf");
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("not a .txt or .csv document"), skip);
        // Telegram reports the size in the update; a 20 MB file is refused before anyone downloads it.
        int downloads = cluster.botApi.fileDownloads();
        cluster.sendDocument(Cluster.OWNER, "BQACAgIAAx-twenty-megabytes", "big.txt", "text/plain", 20L * 1024 * 1024);
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("That document is 20.0 MB; one upload takes at most 512 KB"), skip);
        cluster.sendDocument(Cluster.OWNER, new byte[0], "empty.txt", "text/plain");
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("That document is empty"), skip);
        assertThat(cluster.botApi.fileDownloads()).as("none of those was fetched").isEqualTo(downloads);

        cluster.sendDocument(Cluster.OWNER, "KEY-\n".repeat(10_001).getBytes(StandardCharsets.UTF_8), "many.txt", "text/plain");
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("Nothing added") && c.text().contains("10,001 lines"), skip);
        cluster.tap(Cluster.OWNER, "sk:up:" + product);
        cluster.sendDocument(Cluster.OWNER, new byte[]{(byte) 0xC3, (byte) 0x28, 'K', '\n'}, "latin.txt", "text/plain");
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("not plain UTF-8 text"), skip);
        cluster.tap(Cluster.OWNER, "sk:up:" + product);
        cluster.sendDocument(Cluster.OWNER, "\n \n\n".getBytes(StandardCharsets.UTF_8), "blank.txt", "text/plain");
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("no line holds an item"), skip);

        assertThat(cluster.deliveryDb().sql("SELECT count(*) FROM inventory_items WHERE product_id = :p").param("p", product)
                .query(Long.class).single()).isZero();
    }

    /** A product the owner creates in the bot, in the demo catalogue's first category, with no goods yet. */
    private static long productFromTheBot(String name) {
        int skip = cluster.botApi.calls().size();
        cluster.tap(Cluster.OWNER, "ac:newp:1");
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("Send the new product"), skip);
        cluster.say(Cluster.OWNER, name + "\n15000");
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains(name), skip);
        return cluster.orderDb().sql("SELECT id FROM products WHERE name = :n").param("n", name).query(Long.class).single();
    }
}
