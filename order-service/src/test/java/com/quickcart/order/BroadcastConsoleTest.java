package com.quickcart.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.notifier.BroadcastProgressed;
import com.quickcart.common.events.notifier.ChatUnreachable;
import com.quickcart.order.StorefrontDriver.Reply;
import com.quickcart.order.StorefrontDriver.User;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's side of a broadcast, through order-service: compose with checked HTML and a URL
 * button, pick buyers of a product, see the count and a preview, confirm; the recipients leave in
 * chunks on broadcast.commands; pause and resume; the notifier's progress edits the operator's
 * message and its outcome becomes the final report and an audit entry. Permission is checked at
 * every tap.
 */
class BroadcastConsoleTest extends StorefrontContext {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private User owner;
    private TopicProbe commands;

    @BeforeEach
    void owner() {
        owner = driver.new User(ADMIN, "en").ignoringEarlierReplies();
        owner.says("/menu"); // the owner's first visit (welcome and all) is behind us before the test reads screens
        owner.expect(r -> r.text().contains("Toko Uji"));
        jdbc.sql("UPDATE users SET language = 'en' WHERE telegram_id = :id").param("id", ADMIN).update();
        commands = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.BROADCAST_COMMANDS);
    }

    @AfterEach
    void stopWatchingCommands() {
        commands.close();
    }

    @Test
    void anOwnerComposesPreviewsAndConfirmsABroadcastToBuyersOfAProductAndSeesItsProgressAndOutcome() {
        long product = newProduct();
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            User buyer = driver.newUser("en");
            buyer.says("/start");
            buyer.screen();
            bought(buyer, product);
            buyers.add(buyer);
        }
        jdbc.sql("UPDATE users SET unreachable = true WHERE telegram_id = :id").param("id", buyers.get(3).id).update();

        owner.says("/admin");
        assertThat(owner.screen().callbackData()).contains("bc");
        owner.taps("bc");
        assertThat(owner.screen().text()).contains("New broadcast");
        owner.says("<b>Flash sale");
        assertThat(owner.screen().text()).contains("<b> is never closed");
        owner.says("<b>Flash sale</b> on <i>Steam</i> & more");
        assertThat(owner.screen().text()).contains("write &lt; for <");
        owner.says("<b>Flash sale</b> on <i>Steam</i> &amp; more");
        Reply draft = owner.screen();
        assertThat(draft.text()).contains("Broadcast draft");
        String link = draft.callbackData().stream().filter(d -> d.startsWith("bc:link:")).findFirst().orElseThrow();
        long id = Long.parseLong(link.substring("bc:link:".length()));

        owner.taps(link);
        owner.screen();
        owner.says("Shop now | http://shop.example/sale");
        assertThat(owner.screen().text()).contains("https://");
        owner.says("Shop now | https://shop.example/sale");
        assertThat(owner.screen().text()).contains("Shop now \u2192 https://shop.example/sale");

        owner.taps("bc:aud:" + id);
        assertThat(owner.screen().callbackData()).contains("bc:to:" + id + ":everyone:0", "bc:prod:" + id + ":0");
        owner.taps("bc:to:" + id + ":product:" + product);
        Reply preview = owner.screen();
        assertThat(preview.body().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
        assertThat(preview.text()).isEqualTo("<b>Flash sale</b> on <i>Steam</i> &amp; more");
        assertThat(preview.body().path("reply_markup").path("inline_keyboard").get(0).get(0).path("url").asText())
                .isEqualTo("https://shop.example/sale");
        Reply confirm = owner.screen();
        assertThat(confirm.text()).contains("3 recipients");
        assertThat(confirm.callbackData()).contains("bc:go:" + id);

        owner.taps("bc:go:" + id);
        Reply progress = owner.screen();
        assertThat(progress.isEdit()).isTrue();
        assertThat(progress.text()).contains("Sent 0 of 3");
        assertThat(progress.callbackData()).contains("bc:pause:" + id, "bc:cancel:" + id);
        JsonNode chunk = commands.awaitOne(s -> "BroadcastRecipients".equals(s.type()) && s.payload().path("broadcastId").asLong() == id,
                WAIT).payload();
        List<Long> recipients = new ArrayList<>();
        chunk.path("chatIds").forEach(chat -> recipients.add(chat.asLong()));
        assertThat(recipients).containsExactlyInAnyOrder(buyers.get(0).id, buyers.get(1).id, buyers.get(2).id);
        assertThat(chunk.path("content").path("text").asText()).isEqualTo("<b>Flash sale</b> on <i>Steam</i> &amp; more");
        assertThat(chunk.path("content").path("buttonUrl").asText()).isEqualTo("https://shop.example/sale");

        owner.taps("bc:pause:" + id);
        assertThat(owner.screen().callbackData()).contains("bc:resume:" + id);
        owner.taps("bc:resume:" + id);
        assertThat(owner.screen().callbackData()).contains("bc:pause:" + id);
        await().atMost(WAIT).until(() -> commands.seen(s -> "BroadcastControl".equals(s.type())
                && s.payload().path("broadcastId").asLong() == id).size() == 2);

        notifierReports(new BroadcastProgressed(id, "RUNNING", 3, 1, 0, 0, 2, 1.0, false));
        Reply edited = owner.screen();
        assertThat(edited.isEdit()).isTrue();
        assertThat(edited.body().path("message_id").asInt()).isEqualTo(555);
        assertThat(edited.text()).contains("Sent 1 of 3", "Remaining 2", "1.0/s", "about 0:02 left");

        notifierReports(new ChatUnreachable(buyers.get(2).id));
        notifierReports(new BroadcastProgressed(id, "FINISHED", 3, 2, 1, 0, 0, 1.0, true));
        Reply report = owner.expect(r -> r.method().equalsIgnoreCase("sendMessage") && r.text().contains("Broadcast #" + id + " finished"));
        assertThat(report.text()).contains("Sent: 2 of 3", "Blocked the bot (skipped from now on): 1");
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT unreachable FROM users WHERE telegram_id = :id")
                .param("id", buyers.get(2).id).query(Boolean.class).single());
        assertThat(audit(id)).containsExactly("broadcast.start", "broadcast.pause", "broadcast.resume", "broadcast.finished");
    }

    @Test
    void staffWithoutTheBroadcastPermissionCannotStartOneWithAHandMadeCallback() {
        long product = newProduct();
        User buyer = driver.newUser("en");
        buyer.says("/start");
        buyer.screen();
        bought(buyer, product);
        owner.taps("bc");
        owner.screen();
        owner.says("Restock today");
        String link = owner.screen().callbackData().stream().filter(d -> d.startsWith("bc:link:")).findFirst().orElseThrow();
        long id = Long.parseLong(link.substring("bc:link:".length()));
        owner.taps("bc:to:" + id + ":product:" + product);
        try {
            owner.screen();
            owner.screen();
        } catch (RuntimeException e) {
            throw new AssertionError("owner saw: " + owner.replies().stream().map(r -> r.method() + " " + r.text() + " " + r.callbackData()).toList(), e);
        }

        User clerk = driver.newUser("en");
        clerk.says("/start");
        jdbc.sql("INSERT INTO staff (user_id, permissions, granted_by) VALUES (:id, 'CATALOG,SUPPORT', :owner)")
                .param("id", clerk.id).param("owner", ADMIN).update();
        clerk.taps("bc:go:" + id);
        assertThat(clerk.answerToLastTap()).contains("no longer");
        clerk.taps("bc");
        assertThat(clerk.answerToLastTap()).contains("no longer");

        assertThat(jdbc.sql("SELECT state FROM broadcasts WHERE id = :id").param("id", id).query(String.class).single()).isEqualTo("DRAFT");
        assertThat(commands.seen(s -> s.payload().path("broadcastId").asLong() == id)).isEmpty();
        assertThat(audit(id)).isEmpty();
    }

    private long newProduct() {
        return jdbc.sql("INSERT INTO products (category_id, name, price) VALUES (1, :name, 10000) RETURNING id")
                .param("name", "Siaran Uji " + System.nanoTime()).query(Long.class).single();
    }

    private void bought(User buyer, long product) {
        jdbc.sql("""
                INSERT INTO orders (id, user_id, chat_id, product_id, product_name, quantity, unit_price, subtotal, total, status)
                VALUES (:id, :user, :user, :product, 'Siaran Uji', 1, 10000, 10000, 10000, 'COMPLETED')""")
                .param("id", "QC-BC-" + System.nanoTime()).param("user", buyer.id).param("product", product).update();
    }

    private void notifierReports(Object event) {
        String key = event instanceof BroadcastProgressed p ? Long.toString(p.broadcastId()) : Long.toString(((ChatUnreachable) event).chatId());
        EventEnvelope envelope = codec.wrap(key, event);
        kafka.send(Topics.BROADCAST_EVENTS, key, envelope);
    }

    private List<String> audit(long broadcastId) {
        return jdbc.sql("SELECT action FROM audit_log WHERE subject = :subject ORDER BY id").param("subject", "broadcast:" + broadcastId)
                .query(String.class).list();
    }
}
