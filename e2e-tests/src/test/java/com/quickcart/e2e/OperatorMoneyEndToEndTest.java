package com.quickcart.e2e;

import com.quickcart.testsupport.TelegramUpdates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Balance corrections from the operator's chat, through all five services: the owner's typed
 * correction becomes an ADJUSTMENT in payment-service's ledger, the customer and the owner are
 * told, a debit past the balance is refused, and staff without FINANCE cannot make one.
 */
class OperatorMoneyEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Cluster cluster;

    @BeforeAll
    static void start() {
        cluster = Cluster.shared();
    }

    @Test
    void anOwnerCreditsACustomerAndADebitPastTheBalanceIsRefused() {
        long customer = TelegramUpdates.newChatId();
        cluster.say(customer, "/start");
        cluster.awaitCall(customer, c -> true);

        cluster.tap(Cluster.OWNER, "cu:adj:" + customer);
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("Send a sign"));
        cluster.say(Cluster.OWNER, "50000 goodwill");
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("Start with +"));
        cluster.say(Cluster.OWNER, "+50000 compensation for the late account");

        cluster.awaitCall(customer, c -> c.text().contains("Your balance was adjusted by +Rp 50.000: compensation for the late account"));
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("+Rp 50.000 booked for user " + customer));
        await().atMost(WAIT).until(() -> cluster.balanceShown(customer) == 50_000);
        assertThat(cluster.paymentDb().sql("SELECT count(*) FROM wallet_ledger WHERE user_id = :u AND entry_type = 'ADJUSTMENT'")
                .param("u", customer).query(Long.class).single()).isEqualTo(1);

        cluster.tap(Cluster.OWNER, "cu:adj:" + customer);
        cluster.say(Cluster.OWNER, "-80000 duplicate deposit");
        cluster.awaitCall(Cluster.OWNER, c -> c.text().contains("was not booked: their balance is only Rp 50.000"));
        assertThat(cluster.balanceShown(customer)).isEqualTo(50_000);
    }

    @Test
    void staffWithoutTheFinancePermissionCannotAdjustABalanceEvenWithAHandMadeButton() {
        long clerk = TelegramUpdates.newChatId();
        cluster.say(clerk, "/start");
        cluster.awaitCall(clerk, c -> true);
        cluster.orderDb().sql("INSERT INTO staff (user_id, permissions, granted_by) VALUES (:u, 'CUSTOMERS', :o)")
                .param("u", clerk).param("o", Cluster.OWNER).update();
        long customer = TelegramUpdates.newChatId();
        cluster.say(customer, "/start");
        cluster.awaitCall(customer, c -> true);

        int before = cluster.botApi.calls().size();
        String callbackId = cluster.tap(clerk, "cu:adj:" + customer);
        // answerCallbackQuery names the tap, not the chat.
        await().atMost(WAIT).until(() -> cluster.botApi.calls().stream().skip(before).anyMatch(c -> c.method().equals("answerCallbackQuery")
                && c.params().path("callback_query_id").asText().equals(callbackId)
                && c.params().path("text").asText().contains("no longer valid")));
        cluster.say(clerk, "+1000000 give me money");
        cluster.awaitCall(clerk, c -> c.text().contains("did not understand"), before);

        assertThat(cluster.paymentDb().sql("SELECT count(*) FROM wallet_ledger WHERE user_id = :u").param("u", customer)
                .query(Long.class).single()).isZero();
    }




}
