package com.quickcart.order;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.StockLevelChanged;
import com.quickcart.common.events.delivery.StockUpload;
import com.quickcart.common.events.delivery.StockUploaded;
import com.quickcart.common.events.delivery.StockWithdrawn;
import com.quickcart.order.StorefrontDriver.Reply;
import com.quickcart.order.StorefrontDriver.User;
import com.quickcart.common.goods.GoodsOpener;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.StockIntakeKeys;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stock from the operator's chat: a document of goods is checked before anyone fetches it and
 * handed on by its file id only; delivery-service's counts come back to the operator and into
 * the audit trail; owners hear once when a product falls under their alert level.
 */
class StockConsoleTest extends StorefrontContext {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private User owner;
    private long product;

    @BeforeEach
    void ownerAndProduct() {
        owner = driver.new User(ADMIN, "en").ignoringEarlierReplies();
        product = jdbc.sql("INSERT INTO products (category_id, name, price) VALUES (1, :name, 10000) RETURNING id")
                .param("name", "Stok Uji " + System.nanoTime() % 100_000).query(Long.class).single();
    }

    @Test
    void aDocumentOfGoodsIsHandedOnByItsFileIdAndTheCountsComeBackToTheOperatorAndTheTrail() {
        owner.says("/admin");
        assertThat(owner.screen().callbackData()).contains("skl:0");
        owner.taps("sk:p:" + product);
        assertThat(owner.screen().text()).contains("In stock: 0", "no alert");

        try (TopicProbe outbound = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.TELEGRAM_OUTBOUND)) {
            owner.taps("sk:up:" + product);
            assertThat(owner.screen().text()).contains(".txt or .csv", "10,000 lines", "512 KB");
            owner.sendsUpdate(TelegramUpdates.document(TelegramUpdates.nextUpdateId(), ADMIN, "BQACfile-goods", "stok.txt",
                    "text/plain", 23_456, "en"));

            assertThat(owner.screen().text()).contains("stok.txt (23 KB) received");
            TopicProbe.Seen submitted = outbound.awaitOne(s -> s.type().equals("StockDocumentSubmitted")
                    && s.payload().path("productId").asLong() == product, WAIT);
            assertThat(submitted.key()).isEqualTo(Long.toString(ADMIN));
            assertThat(submitted.payload().path("fileId").asText()).isEqualTo("BQACfile-goods");
            assertThat(submitted.payload().path("operatorId").asLong()).isEqualTo(ADMIN);

            String uploadId = submitted.payload().path("uploadId").asText();
            deliveryReports(new StockUploaded(uploadId, product, ADMIN, "document", 1_000, 985, 10, 5, 0, 0, 985, null, 23_456));
        }

        Reply counts = owner.screen();
        assertThat(counts.text()).contains("added 985", "Duplicates (already held or repeated in the upload): 10",
                "Rejected: 5 (blank lines 5", "In stock: 0 \u2192 985");
        assertThat(counts.callbackData()).contains("sk:up:" + product);
        await().atMost(WAIT).until(() -> !audit("stock.upload").isEmpty());
        assertThat(audit("stock.upload").getFirst()).contains("\"available\": 0").contains("\"added\": 985", "\"duplicates\": 10",
                "\"blank\": 5", "\"available\": 985");
    }

    @Test
    void pastedGoodsLeaveSealedForDeliveryServiceAndAreCountedThere() {
        try (TopicProbe commands = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.DELIVERY_COMMANDS)) {
            owner.taps("sk:up:" + product);
            assertThat(owner.screen().text()).contains("Paste the goods");
            owner.says("KEY-PASTED-1\nKEY-PASTED-2\n\nKEY-PASTED-3");
            assertThat(owner.screen().text()).contains("4 lines received");

            TopicProbe.Seen upload = commands.awaitOne(s -> s.type().equals("StockUpload") && s.key().equals(Long.toString(product)), WAIT);
            assertThat(upload.value().toString()).doesNotContain("KEY-PASTED");
            assertThat(upload.payload().path("source").asText()).isEqualTo("paste");
            StockUpload command = codec.unwrap(EventCodec.decode(upload.value().toString()), StockUpload.class);
            List<String> opened = new GoodsOpener(GoodsOpener.privateKey(StockIntakeKeys.privateKey()), List.of())
                    .open(command.lines(), StockUpload.sealedFor(command.uploadId()), UUID.fromString(upload.value().path("eventId").asText()));
            assertThat(opened).as("only delivery-service's key opens it").containsExactly("KEY-PASTED-1\nKEY-PASTED-2\n\nKEY-PASTED-3");
        }
    }

    @Test
    void aWrongEmptyOrOversizedDocumentIsRefusedWithWhatToFixAndNothingIsFetched() {
        try (TopicProbe outbound = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.TELEGRAM_OUTBOUND)) {
            owner.taps("sk:up:" + product);
            owner.screen();

            owner.sendsUpdate(TelegramUpdates.document(TelegramUpdates.nextUpdateId(), ADMIN, "f1", "keys.pdf", "application/pdf", 900, "en"));
            assertThat(owner.screen().text()).contains("not a .txt or .csv document");
            owner.sendsUpdate(TelegramUpdates.document(TelegramUpdates.nextUpdateId(), ADMIN, "f2", "keys.txt", "text/plain", 0, "en"));
            assertThat(owner.screen().text()).contains("empty");
            owner.sendsUpdate(TelegramUpdates.document(TelegramUpdates.nextUpdateId(), ADMIN, "f3", "keys.csv", "text/csv",
                    20L * 1024 * 1024, "en"));
            assertThat(owner.screen().text()).contains("20.0 MB", "at most 512 KB", "Split it");

            owner.sendsUpdate(TelegramUpdates.document(TelegramUpdates.nextUpdateId(), ADMIN, "f4", "ok.csv", "text/csv", 100, "en"));
            TopicProbe.Seen submitted = outbound.awaitOne(s -> s.type().equals("StockDocumentSubmitted")
                    && s.payload().path("productId").asLong() == product, WAIT);
            assertThat(submitted.payload().path("fileId").asText()).as("only the good document is fetched").isEqualTo("f4");
            assertThat(outbound.seen(s -> s.type().equals("StockDocumentSubmitted") && s.payload().path("productId").asLong() == product))
                    .hasSize(1);
        }
    }

    @Test
    void anUploadRefusedWholeSaysWhyAndIsAuditedAsRefused() {
        deliveryReports(new StockUploaded("u-" + product, product, ADMIN, "document", 12_345, 0, 0, 0, 0, 7, 7,
                StockUploaded.Refusal.TOO_MANY_LINES, 200_000));
        assertThat(owner.screen().text()).contains("Nothing added", "12,345 lines", "at most 10,000", "Split it");
        await().atMost(WAIT).until(() -> !audit("stock.upload.refused").isEmpty());
    }

    @Test
    void staffWithoutTheStockPermissionCannotUploadEvenWithAHandMadeButton() {
        User clerk = driver.newUser("en");
        clerk.says("/start");
        clerk.screen();
        jdbc.sql("INSERT INTO staff (user_id, permissions, granted_by) VALUES (:u, 'CATALOG', :o)").param("u", clerk.id)
                .param("o", ADMIN).update();

        clerk.says("/admin");
        assertThat(clerk.screen().callbackData()).doesNotContain("skl:0");
        clerk.taps("sk:up:" + product);
        assertThat(clerk.answerToLastTap()).contains("no longer");
        clerk.taps("sk:wd:" + product);
        assertThat(clerk.answerToLastTap()).contains("no longer");

        jdbc.sql("UPDATE staff SET permissions = 'STOCK' WHERE user_id = :u").param("u", clerk.id).update();
        clerk.taps("sk:p:" + product);
        Reply screen = clerk.screen();
        assertThat(screen.callbackData()).as("staff upload and withdraw; only owners set alert levels")
                .contains("sk:up:" + product, "sk:wd:" + product).doesNotContain("sk:al:" + product);
        clerk.taps("sk:al:" + product);
        assertThat(clerk.answerToLastTap()).contains("no longer");
    }

    @Test
    void aWithdrawalAsksForACountSendsItToDeliveryAndTheResultIsAudited() {
        try (TopicProbe commands = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.DELIVERY_COMMANDS)) {
            owner.taps("sk:wd:" + product);
            assertThat(owner.screen().text()).contains("How many unsold items");
            owner.says("lots");
            assertThat(owner.screen().text()).contains("whole number of items");
            owner.says("3");
            assertThat(owner.screen().text()).contains("Withdrawing 3");
            TopicProbe.Seen command = commands.awaitOne(s -> s.type().equals("WithdrawStock") && s.key().equals(Long.toString(product)), WAIT);
            assertThat(command.payload().path("quantity").asInt()).isEqualTo(3);
        }
        deliveryReports(new StockWithdrawn("w-" + product, product, 3, 2, 2, 0, ADMIN));
        assertThat(owner.screen().text()).contains("2 of 3 withdrawn", "In stock: 2 \u2192 0");
        await().atMost(WAIT).until(() -> !audit("stock.withdraw").isEmpty());
        assertThat(audit("stock.withdraw").getFirst()).contains("\"withdrawn\": 2");
    }

    @Test
    void ownersGetOneLowStockAlertPerFallUnderTheirLevelNotOnePerSale() {
        owner.taps("sk:al:" + product);
        assertThat(owner.screen().text()).contains("falls under this number");
        owner.says("-2");
        assertThat(owner.screen().text()).contains("whole number from 0");
        owner.says("5");
        assertThat(owner.screen().text()).contains("alert under 5");

        deliveryReports(new StockLevelChanged(product, 8));
        deliveryReports(new StockLevelChanged(product, 4));
        deliveryReports(new StockLevelChanged(product, 3));
        deliveryReports(new StockLevelChanged(product, 2));
        Reply alert = owner.expect(r -> r.text().contains("Low stock") && r.text().contains("#" + product));
        assertThat(alert.text()).contains("has 4 left, under your alert level of 5");
        await().atMost(WAIT).until(() -> stockShown() == 2);
        assertThat(alerts()).as("one alert for the fall, none for the sales after it").hasSize(1);

        deliveryReports(new StockLevelChanged(product, 20));
        deliveryReports(new StockLevelChanged(product, 1));
        await().atMost(WAIT).until(() -> alerts().size() == 2);
        assertThat(alerts().getLast()).contains("has 1 left");
        assertThat(audit("stock.alert")).hasSize(1);
    }

    private void deliveryReports(Object event) {
        long productId = switch (event) {
            case StockUploaded e -> e.productId();
            case StockWithdrawn e -> e.productId();
            case StockLevelChanged e -> e.productId();
            default -> throw new IllegalArgumentException();
        };
        kafka.send(Topics.DELIVERY_EVENTS, Long.toString(productId), codec.wrap(Long.toString(productId), event));
    }

    private List<String> alerts() {
        return owner.replies().stream().map(Reply::text).filter(t -> t.contains("Low stock") && t.contains("#" + product)).toList();
    }

    private int stockShown() {
        return jdbc.sql("SELECT COALESCE((SELECT available FROM product_stock WHERE product_id = :p), -1)").param("p", product)
                .query(Integer.class).single();
    }

    private List<String> audit(String action) {
        return jdbc.sql("SELECT before::text || ' -> ' || after::text FROM audit_log WHERE action = :a AND subject = :s ORDER BY id")
                .param("a", action).param("s", "product:" + product).query(String.class).list();
    }
}
