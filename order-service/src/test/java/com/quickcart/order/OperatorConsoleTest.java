package com.quickcart.order;

import com.quickcart.order.StorefrontDriver.Reply;
import com.quickcart.order.StorefrontDriver.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.payment.BalanceChanged;
import com.quickcart.order.stats.DailySummary;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The operator side in the same chat: owners (ADMIN_IDS) and staff with permissions, checked at
 * each action; catalogue changes a customer then sees; every change in the audit trail.
 */
class OperatorConsoleTest extends StorefrontContext {

    private User owner;
    @Autowired DailySummary dailySummary;

    @BeforeEach
    void owner() {
        owner = driver.new User(ADMIN, "en").ignoringEarlierReplies();
        owner.says("/menu");
        owner.expect(r -> r.text().contains("Toko Uji"));
    }

    @Test
    void anOwnerCreatesACategoryAndAProductThatACustomerThenSeesAndEveryStepIsAudited() {
        owner.says("/admin");
        assertThat(owner.screen().callbackData()).contains("ac", "adm:staff");
        owner.taps("ac");
        owner.screen();
        owner.taps("ac:newc");
        assertThat(owner.screen().text()).contains("category name");
        owner.says("Voucher Game");
        Reply category = owner.screen();
        assertThat(category.text()).contains("Voucher Game");
        String newProduct = category.callbackData().stream().filter(d -> d.startsWith("ac:newp:")).findFirst().orElseThrow();
        long categoryId = Long.parseLong(newProduct.substring("ac:newp:".length()));

        owner.taps(newProduct);
        owner.screen();
        owner.says("Steam Wallet 120rb\n15rb");
        assertThat(owner.screen().text()).contains("write 15000, not 15rb");
        owner.says("Steam Wallet 120rb\nRp 125.000\n120000\nKode Steam Wallet region ID");
        Reply product = owner.screen();
        assertThat(product.text()).contains("Steam Wallet 120rb", "Rp 125.000", "Rp 120.000");
        long productId = jdbc.sql("SELECT id FROM products WHERE category_id = :c").param("c", categoryId).query(Long.class).single();

        User customer = driver.newUser("en");
        customer.taps("c:" + categoryId + ":0");
        assertThat(customer.screen().text()).contains("Steam Wallet 120rb");

        assertThat(audit(ADMIN)).contains("category.create category:" + categoryId,
                "product.create product:" + productId);
    }

    @Test
    void aCustomersAdminCommandLooksExactlyLikeAnyUnknownCommand() {
        User customer = driver.newUser("en");
        customer.says("/admin");
        String admin = customer.screen().text();
        customer.says("/nosuchcommand");
        String unknown = customer.screen().text();
        assertThat(admin).isEqualTo(unknown).doesNotContainIgnoringCase("admin").doesNotContainIgnoringCase("operator");
        customer.taps("ac:hidep:1");
        assertThat(customer.answerToLastTap()).contains("no longer");
        assertThat(productActive(1)).isTrue();
    }

    @Test
    void staffActOnlyWithThePermissionTheyHoldAtTheMomentOfTheAction() {
        long product = jdbc.sql("INSERT INTO products (category_id, name, price) VALUES (1, 'Izin Uji', 10000) RETURNING id")
                .query(Long.class).single();
        User clerk = driver.newUser("en");
        clerk.says("/start");
        clerk.screen();
        owner.says("/admin");
        owner.screen();
        owner.taps("adm:staff:add");
        owner.screen();
        owner.says(Long.toString(clerk.id));
        assertThat(owner.screen().callbackData()).contains("adm:perm:" + clerk.id + ":catalog");

        // Staff without the catalogue permission: the menu offers nothing, a hand-made button does nothing.
        clerk.says("/admin");
        assertThat(clerk.screen().callbackData()).doesNotContain("ac");
        clerk.taps("ac:hidep:" + product);
        assertThat(clerk.answerToLastTap()).contains("no longer");
        assertThat(productActive(product)).isTrue();

        owner.taps("adm:perm:" + clerk.id + ":catalog");
        assertThat(owner.screen().text()).contains("catalogue");
        clerk.taps("ac:hidep:" + product);
        await().atMost(Duration.ofSeconds(20)).until(() -> !productActive(product));

        owner.taps("adm:perm:" + clerk.id + ":catalog");
        owner.screen();
        clerk.taps("ac:hidep:" + product);
        assertThat(clerk.answerToLastTap()).contains("no longer");
        assertThat(productActive(product)).as("taken away: the same button no longer works").isFalse();

        assertThat(audit(clerk.id)).containsExactly("product.hide product:" + product);
        assertThat(audit(ADMIN)).contains("staff.add user:" + clerk.id, "staff.permissions user:" + clerk.id);
    }

    @Test
    void aRepricingIsAuditedWithBeforeAndAfterAndTheTrailCannotBeRewritten() {
        long product = jdbc.sql("INSERT INTO products (category_id, name, price) VALUES (1, 'Harga Uji', 30000) RETURNING id")
                .query(Long.class).single();
        owner.taps("ac:price:" + product);
        owner.screen();
        owner.says("20000 25000");
        assertThat(owner.screen().text()).contains("cannot be higher");
        owner.says("Rp 27.500 / Rp 25.000");
        assertThat(owner.screen().text()).contains("Rp 27.500", "Rp 25.000");

        Map<String, Object> row = jdbc.sql("SELECT before::text AS before, after::text AS after FROM audit_log WHERE subject = :s AND action = 'product.price'")
                .param("s", "product:" + product).query().singleRow();
        assertThat((String) row.get("before")).contains("\"price\": 30000");
        assertThat((String) row.get("after")).contains("\"price\": 27500", "\"reseller_price\": 25000");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 1 WHERE subject = :s").param("s", "product:" + product).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update()).hasMessageContaining("append-only");
    }

    @Test
    void anOperatorFindsACustomerMakesThemAResellerAndABannedCustomerGetsOnePoliteLine() {
        User buyer = driver.newUser("en");
        buyer.says("/start");
        buyer.screen();
        owner.says("/admin");
        owner.screen();
        owner.taps("cu");
        owner.screen();
        owner.says("@nobody_like_this");
        assertThat(owner.screen().text()).contains("Nobody with that id");
        owner.says("@budi" + buyer.id);
        Reply card = owner.screen();
        assertThat(card.text()).contains("Customer " + buyer.id, "Role: Customer", "Status: active");

        owner.taps("cu:role:" + buyer.id + ":reseller");
        assertThat(owner.screen().text()).contains("Role: Reseller");
        buyer.taps("p:1:q:1");
        assertThat(buyer.screen().text()).as("the reseller price of the demo product").contains("Rp 40.000");

        owner.taps("cu:ban:" + buyer.id);
        assertThat(owner.screen().text()).contains("Status: banned");
        buyer.says("/menu");
        Reply refused = buyer.screen();
        assertThat(refused.text()).contains("cannot use the store");
        assertThat(refused.callbackData()).isEmpty();
        buyer.taps("p:1:q:1");
        assertThat(buyer.answerToLastTap()).contains("cannot use the store");

        owner.taps("cu:unban:" + buyer.id);
        owner.screen();
        buyer.says("/menu");
        assertThat(buyer.screen().text()).contains("Toko Uji");
        assertThat(audit(ADMIN)).contains("customer.role user:" + buyer.id, "customer.ban user:" + buyer.id,
                "customer.unban user:" + buyer.id);
    }

    @Test
    void anOwnerCannotBeBannedAndOnlyOwnersReadTheAuditTrail() {
        User clerk = driver.newUser("en");
        clerk.says("/start");
        clerk.screen();
        owner.taps("cu:ban:" + ADMIN);
        assertThat(owner.answerToLastTap()).contains("no longer");
        owner.says("/audit");
        assertThat(owner.screen().text()).contains("Audit trail");

        clerk.says("/audit");
        String refused = clerk.screen().text();
        clerk.says("/nosuchcommand");
        assertThat(refused).isEqualTo(clerk.screen().text()).doesNotContain("Audit");
    }

    @Test
    void theFiguresCountACompletedOrderAtPakasirsBillAndItsFee() {
        owner.says("/stats");
        Reply before = owner.screen();
        assertThat(before.text()).contains("Figures: Today");
        long grossBefore = rupiahAfter(before.text(), "Gross sales (completed): ");
        long feesBefore = rupiahAfter(before.text(), "Gateway fees: ");

        jdbc.sql("""
                INSERT INTO orders (id, user_id, chat_id, product_id, product_name, quantity, unit_price, subtotal, total,
                                    payment_fee, total_bill, status)
                VALUES (:id, :user, :user, 1, 'Netflix Premium 1 Month', 1, 45000, 45000, 45000, 625, 45625, 'COMPLETED')""")
                .param("id", "QC-STATS-" + System.nanoTime()).param("user", ADMIN).update();
        owner.taps("st:1");
        Reply after = owner.screen();

        assertThat(rupiahAfter(after.text(), "Gross sales (completed): ")).isEqualTo(grossBefore + 45_625);
        assertThat(rupiahAfter(after.text(), "Gateway fees: ")).isEqualTo(feesBefore + 625);
        assertThat(after.text()).contains("Netflix Premium 1 Month");
    }

    @Test
    void anOperatorCreatesAVoucherCustomersCanUseAndDisablesIt() {
        String code = "UJI" + (System.nanoTime() % 100_000);
        owner.taps("av:new");
        owner.screen();
        owner.says(code + "\n150%\n0\n10\n7");
        assertThat(owner.screen().text()).contains("from 1% to 100%");
        owner.says(code + "\n10%\n0\n10\n7");
        assertThat(owner.screen().text()).contains(code + " \u00B7 10% \u00B7 min Rp 0 \u00B7 0/10");

        User buyer = driver.newUser("en");
        buyer.taps("buy:1:1:" + code);
        assertThat(buyer.screen().text()).contains(code).contains("Rp 4.500");

        owner.taps("av:off:" + code);
        assertThat(owner.screen().text()).contains(code).contains("ended");
        buyer.taps("vch:1:1");
        buyer.screen();
        buyer.says(code);
        assertThat(buyer.screen().text()).as("the buyer first came by a tap, so Indonesian").contains("kedaluwarsa");
        assertThat(audit(ADMIN)).contains("voucher.create voucher:" + code, "voucher.disable voucher:" + code);
    }

    @Test
    void anOwnerNarrowsTheTrailToOneCustomerSeesTheirMoneyMovesBesideOperatorActionsAndExportsItAsCsv() {
        User buyer = driver.newUser("en");
        buyer.says("/start");
        buyer.screen();
        owner.taps("cu:role:" + buyer.id + ":reseller");
        owner.screen();
        kafka.send(Topics.PAYMENT_EVENTS, Long.toString(buyer.id), codec.wrap(Long.toString(buyer.id),
                new BalanceChanged(buyer.id, 1, "DEPOSIT", 50_000, 50_000, "DEP-TRAIL-" + buyer.id, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM wallet_transactions WHERE user_id = :u")
                .param("u", buyer.id).query(Long.class).single() == 1);

        owner.says("/audit");
        owner.screen();
        owner.taps("adm:auditwho");
        assertThat(owner.screen().text()).contains("Telegram id or @username");
        owner.says("@nobody_has_this_name");
        assertThat(owner.screen().text()).contains("nobody_has_this_name");
        owner.says(Long.toString(buyer.id));
        Reply trail = owner.screen();
        assertThat(trail.text()).contains("customer.role user:" + buyer.id, "money.deposit user:" + buyer.id, "DEP-TRAIL-" + buyer.id)
                .doesNotContain("staff.");

        owner.taps("adm:auditcsv:" + buyer.id);
        Reply file = owner.expect(r -> r.method().equals("sendDocument"));
        String csv = file.body().path("document").path("text").asText();
        assertThat(file.body().path("document").path("file_name").asText()).isEqualTo("audit-" + buyer.id + ".csv");
        assertThat(csv.lines().findFirst()).contains("at,actor,action,subject,before,after");
        assertThat(csv.lines().skip(1)).hasSize(2).anyMatch(line -> line.contains(",ledger,money.deposit,user:" + buyer.id + ",0,"))
                .anyMatch(line -> line.contains("," + ADMIN + ",customer.role,user:" + buyer.id + ","));
        assertThat(file.text()).contains("all 2 entries");
        assertThat(audit(ADMIN)).contains("audit.export user:" + buyer.id);
    }

    @Test
    void theDailySummaryReachesEachOwnerOnceAtItsHourInTheStoresTimeZone() {
        jdbc.sql("DELETE FROM daily_summaries").update();
        // 21:00 in Jakarta is 14:00 UTC.
        Instant beforeTheHour = Instant.parse("2026-03-02T13:59:00Z");
        Instant atTheHour = Instant.parse("2026-03-02T14:00:30Z");
        assertThat(dailySummary.sendIfDue(beforeTheHour)).isFalse();
        assertThat(dailySummary.sendIfDue(atTheHour)).isTrue();
        assertThat(dailySummary.sendIfDue(atTheHour.plusSeconds(60))).as("a second instance, a minute later").isFalse();

        Reply summary = owner.expect(r -> r.text().contains("Daily summary 2026-03-02"));
        assertThat(summary.text()).contains("2026-03-02", "Figures: Today", "Gross sales (completed)");
        assertThat(owner.replies().stream().filter(r -> r.text().contains("Daily summary 2026-03-02"))).hasSize(1);
        assertThat(dailySummary.sendIfDue(Instant.parse("2026-03-03T14:01:00Z"))).as("the next day").isTrue();
    }

    private static long rupiahAfter(String text, String label) {
        String rest = text.substring(text.indexOf(label) + label.length());
        return Long.parseLong(rest.substring(0, rest.indexOf('\n')).replaceAll("[^0-9]", ""));
    }

    private boolean productActive(long id) {
        return jdbc.sql("SELECT active FROM products WHERE id = :id").param("id", id).query(Boolean.class).single();
    }

    private List<String> audit(long actor) {
        return jdbc.sql("SELECT action || ' ' || subject FROM audit_log WHERE actor = :actor ORDER BY id").param("actor", actor)
                .query(String.class).list();
    }
}
