package com.quickcart.e2e.saga;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkout saga against random interleavings of its events (see {@link SagaRun}): after every
 * story, each order has ended, money taken matches goods delivered or refunded (never both, never
 * neither), stock is conserved, balances equal their ledgers, and nothing was dead-lettered.
 *
 * <p>{@code -Dquickcart.saga.tries=N} sets how many stories (CI: the default), and
 * {@code -Dquickcart.saga.seed=S} replays a reported seed. A failure is shrunk to the shortest
 * list of choices that still fails and printed, ready to become a named regression test in
 * {@link SagaRegressionsTest}.
 */
class SagaInterleavingsTest {

    private static final int TRIES = Integer.getInteger("quickcart.saga.tries", 120);
    private static final int SHRINK_BUDGET = 150;

    private static SagaWorld world;

    @BeforeAll
    static void start() {
        world = new SagaWorld();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void everyInterleavingEndsWithMoneyAndGoodsInStep() {
        long base = Long.getLong("quickcart.saga.seed", System.nanoTime());
        for (int i = 0; i < TRIES; i++) {
            long seed = base + i;
            List<Integer> choices = SagaRun.randomChoices(seed);
            Optional<String> broken = SagaRun.play(world, choices);
            if (broken.isPresent()) {
                List<Integer> shrunk = shrink(choices);
                throw new AssertionError("seed " + seed + " (try " + (i + 1) + " of " + TRIES + ") breaks: " + broken.get()
                        + "\nshrunk choices: " + shrunk + "\nwhich break: " + SagaRun.play(world, shrunk).orElse("(flaky: passes on replay)"));
            }
        }
        assertThat(world.published).as("records crossed the broker").isNotEmpty();
    }

    /** Drops chunks of choices, then lowers single choices to 0, keeping every change that still fails. */
    private static List<Integer> shrink(List<Integer> failing) {
        List<Integer> best = new ArrayList<>(failing);
        int budget = SHRINK_BUDGET;
        for (int chunk = best.size() / 2; chunk >= 1 && budget > 0; chunk /= 2) {
            for (int at = 0; at + chunk <= best.size() && budget > 0; ) {
                List<Integer> candidate = new ArrayList<>(best.subList(0, at));
                candidate.addAll(best.subList(at + chunk, best.size()));
                budget--;
                if (SagaRun.play(world, candidate).isPresent()) {
                    best = candidate;
                } else {
                    at += chunk;
                }
            }
        }
        for (int at = 0; at < best.size() && budget > 0; at++) {
            if (best.get(at) != 0) {
                List<Integer> candidate = new ArrayList<>(best);
                candidate.set(at, 0);
                budget--;
                if (SagaRun.play(world, candidate).isPresent()) {
                    best = candidate;
                }
            }
        }
        return best;
    }
}
