package com.quickcart.e2e.saga;

import com.quickcart.testsupport.FakePakasir;
import com.quickcart.testsupport.TelegramUpdates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * One random story of a checkout, told to a {@link SagaWorld}: a product with a little stock,
 * a few buyers paying by QRIS or balance (some with a 100 % voucher), then a sequence of moves
 * (deliver any queue's head, redeliver, crash mid-handler, cancel, pay, duplicate and forged
 * callbacks, time passing), then everything settles and the invariants are checked.
 *
 * <p>Every decision is read from a list of choices, so a story replays exactly from its list,
 * and a failing list can be shrunk (fewer and smaller choices) to the shortest story that still
 * fails: the counterexample kept as a named regression test.
 */
final class SagaRun {

    static final int MOVES = 50;
    static final long PRICE = 10_000;

    private final SagaWorld world;
    private final Choices choices;
    private final List<Buyer> buyers = new ArrayList<>();
    private long product;
    private int stock;

    private SagaRun(SagaWorld world, Choices choices) {
        this.world = world;
        this.choices = choices;
    }

    /** Plays the story the choices tell; returns the first invariant it breaks, if any. */
    static Optional<String> play(SagaWorld world, List<Integer> choices) {
        return new SagaRun(world, new Choices(choices)).play();
    }

    static List<Integer> randomChoices(long seed) {
        Random random = new Random(seed);
        List<Integer> choices = new ArrayList<>();
        for (int i = 0; i < 20 + MOVES * 3; i++) {
            choices.add(random.nextInt(1_000));
        }
        return choices;
    }

    private Optional<String> play() {
        world.deadLetters.clear();
        stock = choices.next(4);
        product = world.newProduct(PRICE, stock);
        String voucher = choices.next(4) == 0 ? world.freeVoucher() : null;
        int count = 1 + choices.next(3);
        for (int i = 0; i < count; i++) {
            long chat = TelegramUpdates.newChatId();
            boolean balance = choices.next(2) == 1;
            int quantity = 1 + choices.next(2);
            switch (choices.next(3)) {
                case 1 -> world.credit(chat, PRICE * quantity);
                case 2 -> world.credit(chat, PRICE * 10);
                default -> { }
            }
            boolean free = voucher != null && choices.next(2) == 0;
            buyers.add(new Buyer(chat));
            world.tap(chat, "pay:" + (balance ? "b" : "q") + ":" + product + ":" + quantity + (free ? ":" + voucher : ""));
        }
        for (int move = 0; move < MOVES; move++) {
            move(choices.next(20));
        }
        world.settle();
        return SagaInvariants.check(world, product, stock, buyers.stream().map(Buyer::chat).toList());
    }

    private void move(int kind) {
        switch (kind) {
            case 9 -> world.redeliver(choices.next(1_000));
            case 10 -> pickQueue().ifPresent(world::crashWhileHandling);
            case 11, 12, 13 -> cancel(pickBuyer());
            case 14, 15, 16 -> orderOf(pickBuyer()).ifPresent(this::customerPays);
            case 17 -> orderOf(pickBuyer()).ifPresent(this::anotherCallback);
            case 18 -> orderOf(pickBuyer()).ifPresent(this::forgedCallback);
            case 19 -> world.timePasses(choices.next(2) == 0 ? Duration.ofMinutes(20) : Duration.ofMinutes(61));
            default -> pickQueue().ifPresent(world::deliverHead);
        }
    }

    /** The buyer taps Cancel (on the QR photo or in their history); a stranger's tap on it is refused. */
    private void cancel(Buyer buyer) {
        orderOf(buyer).ifPresent(order -> world.tap(choices.next(8) == 0 ? pickBuyer().chat() : buyer.chat(), "cancel:" + order));
    }

    /** The customer scans and pays; Pakasir posts its webhook. A code already cancelled may still be paid at the bank. */
    private void customerPays(String orderId) {
        FakePakasir.Transaction transaction = world.pakasir.transaction(orderId);
        if (transaction == null || transaction.status().equals("completed")) {
            return;
        }
        world.pakasir.markPaid(orderId);
        world.callback(orderId, transaction.amount(), "completed", "2026-11-26T10:00:0" + choices.next(10) + "+07:00");
    }

    /** Pakasir calls again (same or another completed_at), or an old webhook is redelivered. */
    private void anotherCallback(String orderId) {
        FakePakasir.Transaction transaction = world.pakasir.transaction(orderId);
        if (transaction != null) {
            world.callback(orderId, transaction.amount(), transaction.status(), "2026-11-26T10:01:0" + choices.next(10) + "+07:00");
        }
    }

    /** Someone posts a webhook that Pakasir would not confirm: wrong amount, or "completed" for an unpaid code. */
    private void forgedCallback(String orderId) {
        FakePakasir.Transaction transaction = world.pakasir.transaction(orderId);
        long amount = transaction == null ? PRICE : transaction.amount();
        world.callback(orderId, choices.next(2) == 0 ? amount + 1 : amount, "completed", "2026-11-26T09:59:00+07:00");
    }

    private Optional<String> pickQueue() {
        List<String> ready = world.nonEmptyQueues();
        return ready.isEmpty() ? Optional.empty() : Optional.of(ready.get(choices.next(ready.size())));
    }

    private Buyer pickBuyer() {
        return buyers.get(choices.next(buyers.size()));
    }

    private Optional<String> orderOf(Buyer buyer) {
        return world.orderDb().sql("SELECT id FROM orders WHERE user_id = :user ORDER BY created_at DESC LIMIT 1")
                .param("user", buyer.chat()).query(String.class).optional();
    }

    record Buyer(long chat) {
    }

    /** The story's decisions; past the end of the list every choice is 0 (deliver the first queue's head). */
    static final class Choices {
        private final List<Integer> values;
        private int next;

        Choices(List<Integer> values) {
            this.values = values;
        }

        int next(int bound) {
            int value = next < values.size() ? values.get(next) : 0;
            next++;
            return Math.floorMod(value, bound);
        }
    }
}
