package com.quickcart.faults;

import com.quickcart.testsupport.PrivatePostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store under faults: the five services as separate JVMs on a broker, PostgreSQL and Redis
 * of their own ({@link FaultCluster}), a steady load of customers ({@link Shoppers}), and one
 * fault after another. After each, once the load has stopped and the store has settled, every
 * check of {@link StoreChecks} must hold; the table of faults ({@link FaultReport}) is printed
 * and written to {@code target/fault-report.md}.
 *
 * <p>CI runs the short variant; {@code -Dquickcart.faults.long=true} runs more of each fault for
 * longer, and {@code -Dquickcart.faults.seed=S} replays a run's choices of when and whom to kill.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

    private static final boolean LONG = Boolean.getBoolean("quickcart.faults.long");
    private static final long SEED = Long.getLong("quickcart.faults.seed", System.nanoTime());
    private static final int SHOPPERS = LONG ? 10 : 6;
    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(150);
    private static final List<String> SERVICES = List.of("order", "payment", "delivery", "notifier", "ingress");

    private static FaultCluster cluster;
    private static Webhooks webhooks;
    private static Shoppers shoppers;
    private static Canary canary;
    private static StoreChecks checks;
    private static final FaultReport report = new FaultReport();
    private static final Set<Long> blocked = ConcurrentHashMap.newKeySet();
    private static volatile boolean kafkaUp = true;
    private static final Random random = new Random(SEED);

    @BeforeAll
    static void startTheStore() {
        System.out.println("fault-injection suite: " + (LONG ? "long" : "CI") + " variant, seed " + SEED);
        assumeTrue(PrivatePostgres.available(), "the suite needs PostgreSQL's binaries (initdb, pg_ctl) to run a server of its own");
        cluster = new FaultCluster(Path.of(System.getProperty("quickcart.faults.work", "target/faults")));
        // Codes expire soon, so orders a shopper walks away from end within a settle.
        cluster.pakasir.validity(Duration.ofSeconds(10));
        webhooks = new Webhooks(cluster, () -> kafkaUp);
        shoppers = new Shoppers(cluster, webhooks, SHOPPERS, SEED);
        canary = new Canary(cluster, webhooks, shoppers);
        canary.fund(4_000_000);
        checks = new StoreChecks(cluster, webhooks, shoppers, blocked);
    }

    /** A fault that failed half way (no purchase got through, say) leaves no shoppers running into the next one. */
    @AfterEach
    void stopShopping() {
        if (shoppers != null) {
            shoppers.stop();
        }
    }

    @AfterAll
    static void printTheTable() {
        String table = report.table();
        System.out.println("\n=== fault-injection suite (seed " + SEED + ") ===\n" + table + "\n");
        report.write(Path.of(System.getProperty("quickcart.faults.report", "target/fault-report.md")));
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * CI: a kill every few seconds, each victim restarted at once and running when it is killed, so
     * a restart may overlap the next kill (a service starts in 15 to 50 s on a busy 2-core machine;
     * twenty kills each waited out would take the whole CI budget). Long variant: one kill at a
     * time, each waited out until a purchase gets through again.
     */
    @Test
    @Order(1)
    void killingEachServiceMidSagaLosesNothing() {
        int kills = LONG ? 100 : 20;
        List<String> victims = new ArrayList<>();
        while (victims.size() < kills) {
            List<String> round = new ArrayList<>(SERVICES);
            Collections.shuffle(round, random);
            if (!victims.isEmpty() && victims.getLast().equals(round.getFirst())) {
                Collections.rotate(round, 1); // never the same service twice in a row
            }
            victims.addAll(round);
        }
        Duration worst = Duration.ZERO;
        Map<String, Integer> perService = new java.util.TreeMap<>();
        List<CompletableFuture<Duration>> restarts = new ArrayList<>();
        Map<String, CompletableFuture<Duration>> starting = new java.util.HashMap<>();
        Instant lastKill = Instant.now();
        shoppers.start();
        for (String victim : victims.subList(0, kills)) {
            Webhooks.sleep(Duration.ofMillis((LONG ? 500 : 3_000) + random.nextInt(LONG ? 2_500 : 4_000)));
            CompletableFuture<Duration> previous = starting.get(victim);
            if (previous != null) {
                previous.join(); // a victim is killed while it runs, not while it starts
            }
            Instant killed = Instant.now();
            lastKill = killed;
            cluster.kill(victim);
            perService.merge(victim, 1, Integer::sum);
            CompletableFuture<Duration> restart = CompletableFuture.supplyAsync(() -> {
                cluster.restart(victim);
                return Duration.between(killed, Instant.now());
            });
            starting.put(victim, restart);
            restarts.add(restart);
            if (LONG) {
                restart.join();
                worst = max(worst, canary.buysSince(killed));
            }
        }
        Duration worstRestart = restarts.stream().map(CompletableFuture::join).reduce(Duration.ZERO, FaultInjectionTest::max);
        if (!LONG) {
            worst = max(worstRestart, canary.buysSince(lastKill));
        }
        finish("kill -9 of one service (then restart)", kills, worst, "per service " + perService
                + "; worst kill-to-healthy " + FaultReport.seconds(worstRestart)
                + (LONG ? "; one at a time" : "; kills 3-7 s apart, restarts may overlap the next kill"));
    }

    @Test
    @Order(2)
    void aBrokerRestartLosesNothing() {
        int restarts = LONG ? 3 : 1;
        Duration worst = Duration.ZERO;
        shoppers.start();
        for (int i = 0; i < restarts; i++) {
            Webhooks.sleep(Duration.ofSeconds(2));
            kafkaUp = false;
            if (i % 2 == 0) {
                cluster.kafka.stop();
            } else {
                cluster.kafka.kill();
            }
            Webhooks.sleep(Duration.ofSeconds(LONG ? 30 : 5));
            cluster.kafka.start();
            Instant back = Instant.now();
            kafkaUp = true;
            worst = max(worst, canary.buysSince(back));
        }
        finish("Kafka broker restart (down " + (LONG ? 30 : 5) + " s)", restarts, worst, LONG ? "SIGTERM and SIGKILL alternately" : "SIGTERM");
    }

    @Test
    @Order(3)
    void aPostgresCrashAndRestartLosesNothing() {
        int restarts = LONG ? 3 : 1;
        Duration worst = Duration.ZERO;
        shoppers.start();
        for (int i = 0; i < restarts; i++) {
            Webhooks.sleep(Duration.ofSeconds(2));
            cluster.postgres.crash();
            Webhooks.sleep(Duration.ofSeconds(LONG ? 30 : 5));
            cluster.postgres.restart();
            worst = max(worst, canary.buysSince(Instant.now()));
        }
        finish("PostgreSQL crash (immediate stop), down " + (LONG ? 30 : 5) + " s, restart", restarts, worst, "private server, WAL replayed on start");
    }

    @Test
    @Order(4)
    void aRedisOutageOfThirtySecondsOnlyCostsSessions() {
        shoppers.start();
        Webhooks.sleep(Duration.ofSeconds(2));
        cluster.redis.freeze();
        Instant frozen = Instant.now();
        Duration duringOutage = canary.buysSince(frozen);
        Duration left = Duration.ofSeconds(30).minus(Duration.between(frozen, Instant.now()));
        if (left.isPositive()) {
            Webhooks.sleep(left);
        }
        cluster.redis.thaw();
        Duration worst = max(duringOutage, canary.buysSince(Instant.now()));
        finish("Redis frozen (SIGSTOP) 30 s", 1, worst, "a purchase during the outage took " + FaultReport.seconds(duringOutage));
    }

    @Test
    @Order(5)
    void pakasirFailingOrHangingDelaysCheckoutsAndLosesNothing() {
        shoppers.start();
        Duration worst = Duration.ZERO;
        for (int status : new int[]{500, 429}) {
            cluster.pakasir.retryAfter(status == 429 ? Duration.ofSeconds(2) : null);
            for (String path : List.of("/api/transactioncreate/qris", "/api/transactiondetail", "/api/transactioncancel")) {
                cluster.pakasir.failNext(path, 25, status);
            }
            Webhooks.sleep(Duration.ofSeconds(LONG ? 30 : 6));
            cluster.pakasir.clearFailures();
            worst = max(worst, canary.qrSince(Instant.now()));
        }
        cluster.pakasir.delay(Duration.ofSeconds(8)); // longer than PAKASIR_TIMEOUT: every call times out
        Webhooks.sleep(Duration.ofSeconds(LONG ? 30 : 8));
        cluster.pakasir.delay(Duration.ZERO);
        worst = max(worst, canary.qrSince(Instant.now()));
        cluster.pakasir.retryAfter(null);
        finish("Pakasir 500, 429 (Retry-After 2), hanging 8 s", 3, worst, "25 failures per API path per status, then a hang window");
    }

    @Test
    @Order(6)
    void theBotApiRefusingOrThrottlingLosesNoMessage() {
        shoppers.start();
        Duration worst = Duration.ZERO;
        for (String method : List.of("sendMessage", "sendPhoto", "answerCallbackQuery")) {
            cluster.botApi.failNext(method, 20, 429, 2);
        }
        Webhooks.sleep(Duration.ofSeconds(LONG ? 20 : 5));
        worst = max(worst, canary.buysSince(Instant.now()));
        for (String method : List.of("sendMessage", "sendPhoto", "answerCallbackQuery")) {
            cluster.botApi.failNext(method, 20, 500, null);
        }
        Webhooks.sleep(Duration.ofSeconds(LONG ? 20 : 5));
        worst = max(worst, canary.buysSince(Instant.now()));
        List<Long> customers = new ArrayList<>(shoppers.active);
        Collections.shuffle(customers, random);
        customers.stream().limit(2).forEach(chat -> {
            blocked.add(chat);
            cluster.botApi.block(chat);
        });
        Webhooks.sleep(Duration.ofSeconds(LONG ? 20 : 5));
        worst = max(worst, canary.buysSince(Instant.now()));
        finish("Bot API 429 (retry_after 2), 500, 403 (2 users blocked the bot)", 3, worst,
                "20 failures per method per status; blocked chats get nothing more");
    }

    @Test
    @Order(7)
    void hostileBodiesAndSlowUploadsAreRefusedWhileCustomersAreServed() {
        HostileInput hostile = new HostileInput(cluster);
        shoppers.start();
        Map<Integer, Integer> telegram = hostile.fuzz("/telegram/webhook", 10_000, SEED);
        Map<Integer, Integer> pakasir = hostile.fuzz("/pakasir/webhook", 10_000, SEED + 1);
        Instant floodStart = Instant.now();
        Thread flood = Thread.ofVirtual().start(() -> hostile.slowUploads("/telegram/webhook", LONG ? 2_000 : 400,
                Duration.ofSeconds(1), Duration.ofSeconds(20)));
        Webhooks.sleep(Duration.ofSeconds(3));
        Duration duringFlood = canary.buysSince(Instant.now());
        join(flood);
        Duration worst = max(duringFlood, canary.buysSince(Instant.now()));
        finish("10,000 fuzzed bodies per endpoint, then a slow-upload flood", 2, worst,
                "telegram answers " + telegram + ", pakasir answers " + pakasir + "; a purchase during the flood took "
                        + FaultReport.seconds(duringFlood) + " (flood began " + floodStart + ")");
        // 0: the ingress closed the connection on a body it refused before reading it all (some over the size limits).
        assertThat(telegram.keySet()).as("answers to fuzzed Telegram bodies").allMatch(s -> s < 500);
        assertThat(pakasir.keySet()).as("answers to fuzzed Pakasir bodies").allMatch(s -> s < 500);
    }

    /** Stops the load, lets the store settle, runs every check and records the fault's row; fails on a broken check. */
    private static void finish(String fault, int injected, Duration worstRecovery, String notes) {
        shoppers.stop();
        Duration settled = checks.settle(SETTLE_WITHIN);
        Map<String, String> broken = checks.run();
        report.add(fault, injected, broken, worstRecovery, notes + "; settled in " + FaultReport.seconds(settled)
                + "; " + shoppers.actions.get() + " shopper actions so far; goods messages sent again after a crash: " + checks.resentGoods
                + "; dead letters: " + checks.deadLetterCount());
        System.out.println(report.table());
        assertThat(broken).as("checks broken after: " + fault).isEmpty();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
