package com.quickcart.e2e;

import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.TelegramUpdates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An owner's broadcast through the webhook, all five services and the fake Bot API: compose,
 * preview, confirm; the buyers get the message, the one who blocked the bot is counted and
 * skipped from then on, and the owner's confirm message becomes the progress, then the report.
 */
class BroadcastEndToEndTest {

    private static final String MESSAGE = "<b>Restock</b> of Siaran E2E &amp; more";
    private static Cluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = Cluster.shared();
    }

    @Test
    void anOwnersBroadcastReachesTheBuyersAndTheReportCountsTheOneWhoBlockedTheBot() {
        long owner = Cluster.OWNER;
        long product = cluster.orderDb().sql("INSERT INTO products (category_id, name, price) VALUES (1, 'Siaran E2E', 10000) RETURNING id")
                .query(Long.class).single();
        List<Long> buyers = LongStream.range(0, 3).map(i -> TelegramUpdates.newChatId()).boxed().toList();
        for (long buyer : buyers) {
            cluster.say(buyer, "/start");
            cluster.awaitCall(buyer, c -> c.method().equals("sendMessage"));
            cluster.orderDb().sql("""
                    INSERT INTO orders (id, user_id, chat_id, product_id, product_name, quantity, unit_price, subtotal, total, status)
                    VALUES (:id, :user, :user, :product, 'Siaran E2E', 1, 10000, 10000, 10000, 'COMPLETED')""")
                    .param("id", "QC-BC-E2E-" + buyer).param("user", buyer).param("product", product).update();
        }
        long blocked = buyers.get(2);
        cluster.botApi.blockChats(Set.of(blocked));

        int before = cluster.botApi.calls().size();
        cluster.tap(owner, "bc");
        cluster.awaitCall(owner, c -> c.text() != null && c.text().contains("New broadcast"), before);
        cluster.say(owner, MESSAGE);
        cluster.awaitCall(owner, c -> c.text() != null && c.text().contains("Broadcast draft"), before);
        long id = cluster.orderDb().sql("SELECT max(id) FROM broadcasts WHERE operator_id = :owner").param("owner", owner)
                .query(Long.class).single();
        cluster.tap(owner, "bc:link:" + id);
        cluster.say(owner, "Shop now | https://shop.example/restock");
        cluster.awaitCall(owner, c -> c.text() != null && c.text().contains("Shop now \u2192 https://shop.example/restock"), before);

        cluster.tap(owner, "bc:to:" + id + ":product:" + product);
        BotCall preview = cluster.awaitCall(owner, c -> c.method().equals("sendMessage") && MESSAGE.equals(c.text()), before);
        assertThat(preview.params().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
        cluster.awaitCall(owner, c -> c.text() != null && c.text().contains("3 recipients"), before);
        cluster.tap(owner, "bc:go:" + id);

        for (long buyer : buyers.subList(0, 2)) {
            BotCall received = cluster.awaitCall(buyer, c -> c.method().equals("sendMessage") && MESSAGE.equals(c.text()));
            assertThat(received.status()).isEqualTo(200);
            assertThat(received.params().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
            assertThat(received.buttons()).containsExactly("Shop now|https://shop.example/restock");
        }
        BotCall report = cluster.awaitCall(owner, c -> c.method().equals("sendMessage") && c.text() != null
                && c.text().contains("Broadcast #" + id + " finished"), before);
        assertThat(report.text()).contains("Sent: 2 of 3", "Blocked the bot (skipped from now on): 1");
        assertThat(cluster.botApi.calls("editMessageText", owner)).filteredOn(c -> c.params().path("message_id").asInt() == 700)
                .extracting(BotCall::text).anyMatch(text -> text.contains("Sent 0 of 3")).anyMatch(text -> text.contains("finished"));
        for (long buyer : buyers.subList(0, 2)) {
            assertThat(cluster.botApi.calls("sendMessage", buyer)).filteredOn(c -> MESSAGE.equals(c.text())).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> cluster.orderDb()
                .sql("SELECT unreachable FROM users WHERE telegram_id = :id").param("id", blocked).query(Boolean.class).single());
        assertThat(cluster.orderDb().sql("SELECT action FROM audit_log WHERE subject = :s ORDER BY id").param("s", "broadcast:" + id)
                .query(String.class).list()).containsExactly("broadcast.start", "broadcast.finished");
    }
}
