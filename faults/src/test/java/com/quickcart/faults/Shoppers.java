package com.quickcart.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.TelegramUpdates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steady load: customers, each in a chat of their own, buying by QRIS (most pay, some let the
 * code expire, some have Pakasir call back twice), depositing to their balance and buying from
 * it, through the ingress webhooks only, as Telegram and Pakasir would. Each shopper waits for
 * its QR code for a while and goes on without it when a fault keeps it away.
 */
final class Shoppers {

    static final long QRIS_PRODUCT = 9;
    static final long BALANCE_PRODUCT = 9;
    static final long DEPOSIT = 25_000;
    private static final Pattern PAYMENT_ID = Pattern.compile("((?:QC|DP)-[0-9A-Z]{10})");
    private static final Duration QR_WAIT = Duration.ofSeconds(30);

    private final FaultCluster cluster;
    private final Webhooks webhooks;
    private final int count;
    private final long seed;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean shopping;
    /** Every chat that shopped, for the ledger checks. */
    final Set<Long> customers = ConcurrentHashMap.newKeySet();
    /** The chats shopping since the last {@link #start()}. */
    final Set<Long> active = ConcurrentHashMap.newKeySet();
    /** Deposits the customer paid at Pakasir: each must be credited once. */
    final Set<String> paidDeposits = ConcurrentHashMap.newKeySet();
    final Set<String> unpaidDeposits = ConcurrentHashMap.newKeySet();
    /**
     * Every payment whose QR code a shopper has already acted on. A notifier that crashes between
     * Telegram's answer and its own commit sends the same QR photo again; a shopper reading that
     * copy later must not take it for the code of what it just tapped (paying it would fail, and
     * a paid deposit would be counted as unpaid).
     */
    private final Set<String> seenPayments = ConcurrentHashMap.newKeySet();
    final AtomicInteger actions = new AtomicInteger();

    Shoppers(FaultCluster cluster, Webhooks webhooks, int count, long seed) {
        this.cluster = cluster;
        this.webhooks = webhooks;
        this.count = count;
        this.seed = seed;
    }

    synchronized void start() {
        shopping = true;
        active.clear();
        for (int i = 0; i < count; i++) {
            long chat = TelegramUpdates.newChatId();
            customers.add(chat);
            active.add(chat);
            Random random = new Random(seed * 31 + chat);
            threads.add(Thread.ofVirtual().name("shopper-" + chat).start(() -> shop(chat, random)));
        }
    }

    /** Lets every shopper finish what it is doing (a payment half way stays paid) and waits for them. */
    synchronized void stop() {
        shopping = false;
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    private void shop(long chat, Random random) {
        while (shopping) {
            int roll = random.nextInt(100);
            if (roll < 40) {
                payByQris(chat, "pay:q:" + QRIS_PRODUCT + ":1", random);
            } else if (roll < 65) {
                payByQris(chat, "dep:" + DEPOSIT, random);
            } else {
                tap(chat, "pay:b:" + BALANCE_PRODUCT + ":1");
            }
            actions.incrementAndGet();
            Webhooks.sleep(Duration.ofMillis(300 + random.nextInt(700)));
        }
    }

    private void payByQris(long chat, String button, Random random) {
        cluster.chats.skipUnread(chat);
        if (!tap(chat, button)) {
            return;
        }
        Optional<String> id = cluster.chats.next(chat, c -> c.method().equals("sendPhoto") && PAYMENT_ID.matcher(c.text()).find()
                        && !seenPayments.contains(paymentId(c)), QR_WAIT)
                .map(Shoppers::paymentId);
        if (id.isEmpty()) {
            return; // the QR code never came in time: the order expires, or is paid by no one
        }
        seenPayments.add(id.get());
        boolean deposit = id.get().startsWith("DP-");
        if (random.nextInt(100) < 10) {
            if (deposit) {
                unpaidDeposits.add(id.get());
            }
            return; // walks away: the code expires
        }
        if (!cluster.pakasir.pay(id.get())) {
            if (deposit) {
                unpaidDeposits.add(id.get());
            }
            return; // the code expired while the QR was on its way (a fault held it up): the bank refuses it
        }
        if (deposit) {
            paidDeposits.add(id.get());
        }
        ObjectNode callback = cluster.pakasir.webhookBody(id.get());
        webhooks.pakasir(callback);
        if (random.nextInt(100) < 15) {
            webhooks.pakasir(callback); // Pakasir calls back twice
        }
    }

    /** A tap on a button, posted until the ingress accepts it. */
    boolean tap(long chat, String data) {
        ObjectNode update = TelegramUpdates.callback(TelegramUpdates.nextUpdateId(), chat, 700, data);
        update.with("callback_query").with("from").put("language_code", "en");
        return webhooks.telegram(update);
    }

    static String paymentId(BotCall call) {
        Matcher matcher = PAYMENT_ID.matcher(call.text());
        return matcher.find() ? matcher.group(1) : null;
    }
}
