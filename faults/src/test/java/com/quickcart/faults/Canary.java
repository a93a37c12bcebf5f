package com.quickcart.faults;

import com.quickcart.testsupport.TelegramUpdates;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One customer who keeps a balance and buys from it (or starts a QRIS checkout) when asked: the
 * time from a fault's end until this purchase reaches them is the fault's recovery time.
 */
final class Canary {

    private static final Duration PATIENCE = Duration.ofSeconds(180);

    private final FaultCluster cluster;
    private final Webhooks webhooks;
    final long chat = TelegramUpdates.newChatId();
    private final Shoppers asShopper;

    Canary(FaultCluster cluster, Webhooks webhooks, Shoppers asShopper) {
        this.cluster = cluster;
        this.webhooks = webhooks;
        this.asShopper = asShopper;
    }

    /** Deposits enough for every purchase the suite will ask of it. */
    void fund(long amount) {
        asShopper.customers.add(chat);
        cluster.chats.skipUnread(chat);
        asShopper.tap(chat, "dep:" + amount);
        String id = cluster.chats.next(chat, c -> c.method().equals("sendPhoto"), PATIENCE).map(Shoppers::paymentId)
                .orElseThrow(() -> new IllegalStateException("the canary's deposit QR never came"));
        if (!cluster.pakasir.pay(id)) {
            throw new IllegalStateException("the canary's deposit code expired before it could pay");
        }
        asShopper.paidDeposits.add(id);
        webhooks.pakasir(cluster.pakasir.webhookBody(id));
        cluster.chats.next(chat, c -> c.text().contains("added to your balance"), PATIENCE)
                .orElseThrow(() -> new IllegalStateException("the canary's deposit was never credited"));
    }

    /** Time from {@code since} until a balance purchase started now reached the canary as goods. */
    Duration buysSince(Instant since) {
        cluster.chats.skipUnread(chat);
        asShopper.tap(chat, "pay:b:" + Shoppers.BALANCE_PRODUCT + ":1");
        Optional<?> goods = cluster.chats.next(chat, c -> c.text().contains(FaultCluster.GOODS_MARK), PATIENCE);
        if (goods.isEmpty()) {
            throw new AssertionError("no purchase reached the canary within " + PATIENCE + " of the fault's end");
        }
        return Duration.between(since, Instant.now());
    }

    /** Time from {@code since} until a QRIS checkout started now showed its QR code. */
    Duration qrSince(Instant since) {
        cluster.chats.skipUnread(chat);
        asShopper.tap(chat, "pay:q:" + Shoppers.QRIS_PRODUCT + ":1");
        if (cluster.chats.next(chat, c -> c.method().equals("sendPhoto"), PATIENCE).isEmpty()) {
            throw new AssertionError("no QR code reached the canary within " + PATIENCE + " of the fault's end");
        }
        return Duration.between(since, Instant.now());
    }
}
