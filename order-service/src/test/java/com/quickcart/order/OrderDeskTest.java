package com.quickcart.order;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.ItemsDelivered;
import com.quickcart.common.events.delivery.StockReserved;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.events.payment.OrderRefundRefused;
import com.quickcart.common.events.payment.OrderRefunded;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.common.events.payment.PaymentSucceeded;
import com.quickcart.order.StorefrontDriver.Reply;
import com.quickcart.order.StorefrontDriver.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.quickcart.order.menu.CommandRegistrar;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders from the operator's chat: looked up by id with their trail, refunded to the balance with
 * every mistake told what to fix, the customer's /refund estimate shown beside the order and
 * refundable in one tap; payment-service's answers are played by the test.
 */
class OrderDeskTest extends StorefrontContext {

    @Autowired CommandRegistrar registrar;

    private User owner;
    private User customer;
    private String order;

    @BeforeEach
    void aCompletedOrder() {
        owner = driver.new User(ADMIN, "en").ignoringEarlierReplies();
        owner.says("/menu");
        owner.expect(r -> r.text().contains("Toko Uji"));
        customer = driver.newUser("en");
        customer.says("/start");
        customer.screen();
        customer.taps("pay:b:1:1");
        await().atMost(Duration.ofSeconds(20)).until(() -> orderOf(customer.id) != null);
        order = orderOf(customer.id);
        saga(order, new StockReserved(order, 1, 1));
        awaitStatus("AWAITING_PAYMENT");
        saga(order, new PaymentSucceeded(order, PaymentPurpose.ORDER, customer.id, 45_000, PaymentMethod.BALANCE));
        awaitStatus("PAID");
        saga(order, new ItemsDelivered(order, customer.id, "Netflix", 1, null, false));
        awaitStatus("COMPLETED");
    }

    @Test
    void anOperatorLooksAnOrderUpByIdAndSeesEachStepWithItsTime() {
        owner.says("/admin");
        assertThat(owner.screen().callbackData()).contains("od");
        owner.taps("od");
        assertThat(owner.screen().text()).contains("Send the order id");
        owner.says("order 12");
        assertThat(owner.screen().text()).contains("An order id is QC- followed by 10 letters or digits");
        owner.says("QC-2222222222");
        assertThat(owner.screen().text()).contains("There is no order QC-2222222222");
        owner.says(order.toLowerCase());

        Reply card = owner.screen();
        assertThat(card.text()).contains("Order " + order + " \u00B7 completed", "Customer: " + customer.id, "total Rp 45.000",
                "Paid: Rp 45.000 by balance", "Refunded: -");
        List<String> trail = card.text().lines().dropWhile(l -> !l.equals("Trail:")).skip(1).toList();
        assertThat(trail).hasSize(4);
        assertThat(trail.get(0)).matches("\\d\\d \\w{3} \\d\\d:\\d\\d:\\d\\d \u00B7 reserving");
        assertThat(trail.get(1)).endsWith("awaiting payment");
        assertThat(trail.get(2)).endsWith("paid");
        assertThat(trail.get(3)).endsWith("completed");
        assertThat(card.callbackData()).contains("od:rf:" + order, "od:est:" + order, "od:rs:" + order);
    }

    @Test
    void aRefundAboveWhatWasPaidOrWrittenWronglyIsToldWhatToFixAndAGrantedOneEndsTheOrder() {
        owner.taps("od:rf:" + order);
        assertThat(owner.screen().text()).contains("at most Rp 45.000");
        owner.says("15rb akun mati");
        assertThat(owner.screen().text()).contains("write 15000, not 15rb");
        owner.says("-5000 akun mati");
        assertThat(owner.screen().text()).contains("A refund is a positive amount");
        owner.says("60000 akun mati");
        assertThat(owner.screen().text()).contains("That is more than was paid: at most Rp 45.000");
        owner.says("20000");
        assertThat(owner.screen().text()).contains("then a reason of 3 to 200 characters");
        owner.says("20000 akun mati");
        assertThat(owner.screen().text()).contains("Refund of Rp 20.000 for " + order + " sent to payments");
        assertThat(audit("order.refund.request")).singleElement().asString().contains("\"amount\": 20000", "akun mati");
        assertThat(status()).as("only payment-service's answer moves the order").isEqualTo("COMPLETED");

        saga(order, new OrderRefunded(order, customer.id, 20_000, 45_000, 20_000, "akun mati", ADMIN));
        customer.expect(r -> r.text().contains("Rp 20.000 of order " + order + " was refunded to your balance: akun mati"));
        owner.expect(r -> r.text().contains("Rp 20.000 of " + order + " refunded"));
        awaitStatus("REFUNDED");
        assertThat(audit("order.refund")).singleElement().asString()
                .contains("\"status\": \"COMPLETED\"", "\"status\": \"REFUNDED\"", "\"refunded\": 20000");

        owner.taps("od:" + order);
        Reply card = owner.screen();
        assertThat(card.text()).contains("refunded to balance", "Refunded: Rp 20.000: akun mati");
        assertThat(card.text().lines().toList().getLast()).endsWith("refunded to balance");
        assertThat(card.callbackData()).noneMatch(d -> d.startsWith("od:rf"));
        owner.taps("od:rf:" + order);
        assertThat(owner.screen().text()).contains("already refunded (Rp 20.000)");

        saga(order, new OrderRefundRefused(order, 5_000, 45_000, 20_000, OrderRefundRefused.ALREADY_REFUNDED, ADMIN));
        owner.expect(r -> r.text().contains("Refund Rp 5.000 for " + order + " was not made: this order was already refunded"));
    }

    @Test
    void theCustomersEstimateReachesSupportAndTheOperatorRefundsExactlyItInOneTap() {
        // The customer's chat also holds the checkout's screens: each step waits for its own answer.
        customer.taps("o:" + order);
        customer.expect(r -> r.callbackData().contains("rf:" + order) && r.text().contains(order));
        customer.says("/refund");
        customer.expect(r -> r.callbackData().contains("rf:" + order));
        customer.taps("rf:" + order);
        customer.expect(r -> r.text().contains("days you have used it (0 to 30)"));
        customer.says("40 0");
        customer.expect(r -> r.text().contains("Days used are from 0 to 30"));
        customer.says("ten");
        customer.expect(r -> r.text().contains("two whole numbers"));
        customer.says("10 1");
        Reply estimate = customer.expect(r -> r.text().contains("Refund estimate for " + order));
        assertThat(estimate.text()).contains("Rp 45.000 \u00D7 20/30 days left \u00D7 0.6 (1\u20132 warranty claims) = Rp 18.000");
        customer.taps("rf:send:" + order + ":10:1");
        customer.expect(r -> r.text().contains("Sent to support with the estimate of Rp 18.000"));
        Reply toSupport = owner.expect(r -> r.text().contains(order) && r.text().contains("= Rp 18.000"));
        assertThat(toSupport.callbackData()).contains("od:" + order).anyMatch(d -> d.startsWith("sr:"));

        owner.taps("od:" + order);
        Reply card = owner.screen();
        assertThat(card.text()).contains("= Rp 18.000");
        assertThat(card.callbackData()).contains("od:rfe:" + order + ":10:1");
        owner.taps("od:rfe:" + order + ":10:1");
        assertThat(owner.screen().text()).contains("Refund of Rp 18.000 for " + order + " sent to payments");
        assertThat(audit("order.refund.request")).singleElement().asString().contains("\"amount\": 18000", "10 of 30 days used");
    }

    @Test
    void staffWithoutFinanceSeeTheOrderButCannotRefundItEvenWithAHandMadeButton() {
        User clerk = driver.newUser("en");
        clerk.says("/start");
        clerk.screen();
        jdbc.sql("INSERT INTO staff (user_id, permissions, granted_by) VALUES (:u, 'SUPPORT', :o)").param("u", clerk.id)
                .param("o", ADMIN).update();
        clerk.taps("od:" + order);
        Reply card = clerk.screen();
        assertThat(card.text()).contains("Order " + order);
        assertThat(card.callbackData()).contains("od:rs:" + order).noneMatch(d -> d.startsWith("od:rf") || d.startsWith("od:est"));

        clerk.taps("od:rf:" + order);
        assertThat(clerk.answerToLastTap()).contains("no longer");
        clerk.taps("od:rfe:" + order + ":0:0");
        assertThat(clerk.answerToLastTap()).contains("no longer");
        assertThat(audit("order.refund.request")).isEmpty();

        User stranger = driver.newUser("en");
        stranger.says("/start");
        stranger.screen();
        stranger.taps("od:" + order);
        assertThat(stranger.answerToLastTap()).as("a customer learns nothing about other orders").contains("no longer");
    }

    @Test
    void refundAndSkipAreAmongTheCommandsRegisteredWithTelegramInBothLanguages() {
        int before = driver.repliesTo(0).size();
        registrar.register();
        await().atMost(Duration.ofSeconds(20)).until(() -> driver.repliesTo(0).size() >= before + 2);
        List<Reply> registered = driver.repliesTo(0).subList(before, before + 2);
        assertThat(registered).allMatch(r -> r.method().equalsIgnoreCase("setMyCommands"));
        assertThat(commands(registered, "id")).contains("refund=Perkiraan refund pesanan", "skip=Lewati pertanyaan ini");
        assertThat(commands(registered, "")).contains("refund=Estimate a refund for an order", "skip=Skip the current question");
    }

    private static List<String> commands(List<Reply> calls, String language) {
        List<String> named = new java.util.ArrayList<>();
        calls.stream().filter(r -> r.body().path("language_code").asText("").equals(language)).findFirst().orElseThrow()
                .body().path("commands").forEach(c -> named.add(c.path("command").asText() + "=" + c.path("description").asText()));
        return named;
    }

    private void saga(String key, Object event) {
        String topic = event instanceof StockReserved || event instanceof ItemsDelivered ? Topics.DELIVERY_EVENTS : Topics.PAYMENT_EVENTS;
        kafka.send(topic, key, codec.wrap(key, event));
    }

    private String orderOf(long userId) {
        return jdbc.sql("SELECT id FROM orders WHERE user_id = :u").param("u", userId).query(String.class).optional().orElse(null);
    }

    private String status() {
        return jdbc.sql("SELECT status FROM orders WHERE id = :id").param("id", order).query(String.class).single();
    }

    private void awaitStatus(String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status().equals(status));
    }

    private List<String> audit(String action) {
        return jdbc.sql("SELECT before::text || ' -> ' || after::text FROM audit_log WHERE subject = :s AND action = :a ORDER BY id")
                .param("s", "order:" + order).param("a", action).query(String.class).list();
    }
}
