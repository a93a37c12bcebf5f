package com.quickcart.e2e;

import com.quickcart.order.OrderServiceApplication;
import com.quickcart.order.checkout.Orders;
import com.quickcart.order.orderdesk.OperatorRefunds;
import com.quickcart.payment.PaymentServiceApplication;
import com.quickcart.payment.wallet.Wallet;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.TelegramUpdates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A refund through all five services: a customer buys, estimates a refund with /refund and sends
 * it to support; the owner looks the order up, sees its trail and the same figure, is told what
 * to fix for a refund above what was paid, and refunds exactly the estimate in one tap.
 * payment-service books it in the ledger and refuses a second one; staff without FINANCE cannot
 * refund even with hand-made buttons; /stats and /audit show what happened.
 */
class OrderRefundEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = Cluster.shared();
    }

    @Test
    void anOwnerRefundsPartOfAnOrderOnceAtTheCustomersOwnEstimate() {
        long product = cluster.newProduct("Refund Uji", 45_000, 2);
        long customer = TelegramUpdates.newChatId();
        cluster.say(customer, "/start");
        cluster.awaitCall(customer, c -> true);
        cluster.credit(customer, 100_000);
        cluster.tap(customer, "pay:b:" + product + ":1");
        await().atMost(WAIT).until(() -> orderOf(customer) != null && cluster.orderStatus(orderOf(customer)).equals("COMPLETED"));
        String order = orderOf(customer);
        await().atMost(WAIT).until(() -> cluster.balanceShown(customer) == 55_000);

        // The customer's estimate, sent to support in one tap.
        cluster.say(customer, "/refund");
        cluster.awaitCall(customer, c -> hasButton(c, "rf:" + order));
        cluster.tap(customer, "rf:" + order);
        cluster.awaitCall(customer, c -> c.text().contains("days you have used it (0 to 30)"));
        cluster.say(customer, "10 1");
        BotCall estimate = cluster.awaitCall(customer, c -> c.text().contains("Refund estimate for " + order));
        assertThat(estimate.text()).contains("= Rp 18.000");
        cluster.tap(customer, "rf:send:" + order + ":10:1");
        BotCall toSupport = cluster.awaitCall(Cluster.OWNER, c -> c.text().contains(order) && c.text().contains("= Rp 18.000"));
        assertThat(hasButton(toSupport, "od:" + order)).isTrue();

        String statsBefore = stats();

        // The owner looks the order up: its trail, and the customer's figure beside it.
        int mark = cluster.botApi.calls().size();
        cluster.tap(Cluster.OWNER, "od");
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("Send the order id"), mark);
        cluster.say(Cluster.OWNER, order);
        BotCall card = cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("Trail:") && c.text().contains(order), mark);
        List<String> trail = card.text().lines().dropWhile(l -> !l.equals("Trail:")).skip(1).toList();
        assertThat(trail).hasSize(4);
        assertThat(trail.get(0)).endsWith("reserving");
        assertThat(trail.get(3)).endsWith("completed");
        assertThat(card.text()).contains("Paid: Rp 45.000 by balance", "= Rp 18.000");
        assertThat(hasButton(card, "od:rfe:" + order + ":10:1") && hasButton(card, "od:rf:" + order)).as(card.buttons().toString()).isTrue();

        // Above what was paid: told what to fix, nothing sent.
        cluster.tap(Cluster.OWNER, "od:rf:" + order);
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("at most Rp 45.000") && c.text().startsWith("Refund order"), mark);
        cluster.say(Cluster.OWNER, "60000 akun mati");
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("That is more than was paid: at most Rp 45.000"), mark);
        cluster.tap(Cluster.OWNER, "od:" + order);

        // Staff without FINANCE: the same buttons, made by hand, do nothing.
        long clerk = TelegramUpdates.newChatId();
        cluster.say(clerk, "/start");
        cluster.awaitCall(clerk, c -> true);
        cluster.orderDb().sql("INSERT INTO staff (user_id, permissions, granted_by) VALUES (:u, 'SUPPORT', :o)")
                .param("u", clerk).param("o", Cluster.OWNER).update();
        for (String handMade : List.of("od:rfe:" + order + ":0:0", "od:rf:" + order)) {
            int before = cluster.botApi.calls().size();
            String tap = cluster.tap(clerk, handMade);
            await().atMost(WAIT).until(() -> cluster.botApi.calls().stream().skip(before).anyMatch(c -> c.method().equals("answerCallbackQuery")
                    && c.params().path("callback_query_id").asText().equals(tap) && c.params().path("text").asText().contains("no longer valid")));
        }
        assertThat(refundEntries(order)).isEmpty();

        // One tap: exactly the estimate.
        cluster.tap(Cluster.OWNER, "od:rfe:" + order + ":10:1");
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("Rp 18.000 of " + order + " refunded"), mark);
        cluster.awaitCall(customer, c -> c.text().contains("Rp 18.000 of order " + order + " was refunded to your balance"));
        await().atMost(WAIT).until(() -> cluster.balanceShown(customer) == 73_000);
        Wallet wallet = cluster.bean(PaymentServiceApplication.class, Wallet.class);
        assertThat(wallet.balance(customer)).isEqualTo(73_000).isEqualTo(wallet.ledgerSum(customer));
        assertThat(refundEntries(order)).containsExactly(18_000L);
        assertThat(cluster.orderStatus(order)).isEqualTo("REFUNDED");

        // A second refund: refused in the bot, and by payment-service when asked past the bot's own check.
        cluster.tap(Cluster.OWNER, "od:rf:" + order);
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("already refunded (Rp 18.000)"), mark);
        int beforeJudge = cluster.botApi.calls().size();
        Orders orders = cluster.bean(OrderServiceApplication.class, Orders.class);
        cluster.bean(OrderServiceApplication.class, TransactionTemplate.class).executeWithoutResult(s -> cluster
                .bean(OrderServiceApplication.class, OperatorRefunds.class).request(Cluster.OWNER, orders.find(order).orElseThrow(), 5_000, "again"));
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("Refund Rp 5.000 for " + order + " was not made: this order was already refunded"),
                beforeJudge);
        assertThat(refundEntries(order)).containsExactly(18_000L);
        assertThat(wallet.balance(customer)).isEqualTo(73_000);

        // The figures and the trail show it.
        String statsAfter = stats();
        assertThat(rupiahAfter(statsAfter, "Refunds: ")).isEqualTo(rupiahAfter(statsBefore, "Refunds: ") + 18_000);
        int auditMark = cluster.botApi.calls().size();
        cluster.say(Cluster.OWNER, "/audit");
        BotCall audit = cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("Audit trail"), auditMark);
        assertThat(audit.text()).contains("order.refund order:" + order, "order.refund.request order:" + order,
                "order.refund.refused order:" + order);
    }

    /** Buttons read as "label|callback data". */
    private static boolean hasButton(BotCall call, String data) {
        return call.buttons().stream().anyMatch(b -> b.endsWith("|" + data));
    }

    private String stats() {
        int mark = cluster.botApi.calls().size();
        cluster.say(Cluster.OWNER, "/stats");
        return cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("Figures: Today"), mark).text();
    }

    private static long rupiahAfter(String text, String label) {
        String rest = text.substring(text.indexOf(label) + label.length());
        return Long.parseLong(rest.substring(0, rest.indexOf('\n')).replaceAll("[^0-9]", ""));
    }

    private static String orderOf(long customer) {
        return cluster.orderDb().sql("SELECT id FROM orders WHERE user_id = :u").param("u", customer).query(String.class)
                .optional().orElse(null);
    }

    private static List<Long> refundEntries(String order) {
        return cluster.paymentDb().sql("SELECT amount FROM wallet_ledger WHERE entry_type = 'REFUND' AND reference = :id")
                .param("id", order).query(Long.class).list();
    }
}
