package com.quickcart.notifier.outbound;

import com.quickcart.testsupport.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real Redis (test-support's TestRedis: the local one, a container, or QC_TEST_REDIS_URL), as two notifier instances. */
class RedisSendBudgetTest {

    private static final String URL = TestRedis.url();
    private final String namespace = "qc:test:budget:" + UUID.randomUUID();
    private final RedisSendBudget first = new RedisSendBudget(URL, namespace, 10, 1, Duration.ofSeconds(2));
    private final RedisSendBudget second = new RedisSendBudget(URL, namespace, 10, 1, Duration.ofSeconds(2));

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void twoInstancesShareOneBudgetInsteadOfEachSpendingItsOwn() {
        Duration lastWait = Duration.ZERO;
        for (int i = 0; i < 15; i++) {
            first.reserveBulkSlot();
            lastWait = second.reserveBulkSlot();
        }

        // 30 slots at 10 a second with a burst of 10: the last is two seconds out. Each instance
        // counting only its own 15 would have said half a second.
        assertThat(lastWait).isBetween(Duration.ofMillis(1800), Duration.ofMillis(2100));
    }

    @Test
    void aBudgetOfThousandsASecondIsStillSharedNotQuietlyReplacedByTheFallback() {
        // Past 2,000 a second the slot's expiry rounded to 0 ms, Redis refused the SET, and every
        // call fell back to the instance's own share (here 1 a second).
        try (RedisSendBudget fast = new RedisSendBudget(URL, namespace + ":fast", 100_000, 1, Duration.ofSeconds(2))) {
            Duration lastWait = Duration.ZERO;
            for (int i = 0; i < 50; i++) {
                lastWait = fast.reserveBulkSlot();
            }
            assertThat(lastWait).isLessThan(Duration.ofMillis(100));
        }
    }

    @Test
    void aPauseOrderedByA429OnOneInstanceHoldsTheOther() {
        first.pauseEveryone(Duration.ofSeconds(3));

        assertThat(second.pauseRemaining()).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(3));
    }

    @Test
    void withRedisUnreachableAnInstanceStillSendsAtItsOwnShare() throws Exception {
        try (RedisSendBudget cutOff = new RedisSendBudget("redis://127.0.0.1:" + closedPort(), namespace, 10, 2, Duration.ofMillis(200))) {
            long started = System.nanoTime();
            cutOff.reserveBulkSlot();
            cutOff.reserveBulkSlot(); // 2 a second: its burst
            Duration third = cutOff.reserveBulkSlot();

            assertThat(third).isBetween(Duration.ofMillis(300), Duration.ofMillis(500));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1)); // no hanging on Redis
        }
    }

    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
