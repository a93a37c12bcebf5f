package com.quickcart.bench.checkout;

import com.quickcart.bench.Endpoints;
import com.quickcart.bench.load.Webhook;
import com.quickcart.bench.report.Results;
import com.quickcart.bench.scaling.ConsumerLag;
import com.quickcart.testsupport.TelegramUpdates;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code buyers} customers with enough balance tap "pay by balance" for the same product, of
 * which there are {@code items}, all within about a second. Measured: completed checkouts per
 * second (first tap to the last completed order), and checked: exactly {@code items} orders
 * completed, each item handed to exactly one order, and the wallets lost exactly that many prices.
 */
public final class CheckoutRace {

    private static final long PRICE = 10_000;
    private static final Duration LIMIT = Duration.ofMinutes(3);

    private final Endpoints endpoints;
    private final Results results;
    private final Webhook webhook;

    public CheckoutRace(Endpoints endpoints, Results results) {
        this.endpoints = endpoints;
        this.results = results;
        this.webhook = new Webhook(endpoints);
    }

    public void run(int buyers, int items) throws Exception {
        try (ConsumerLag lag = new ConsumerLag(endpoints.kafka())) { // start from an idle pipeline
            lag.awaitCaughtUp("order-service", "telegram.updates", Duration.ofSeconds(90));
            lag.awaitCaughtUp("notifier-service", "telegram.outbound", Duration.ofSeconds(90));
        }
        try (Connection db = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), System.getenv("DATABASE_PASSWORD"))) {
            long product = RaceSeed.product(db, "Bench race " + System.currentTimeMillis(), PRICE, items, endpoints.inventoryKey());
            long firstBuyer = TelegramUpdates.newChatId();
            for (int i = 1; i < buyers; i++) {
                TelegramUpdates.newChatId();
            }
            RaceSeed.fund(db, firstBuyer, buyers, PRICE, "bench-race-" + product);

            double started = epochSeconds(db);
            List<CompletableFuture<Boolean>> taps = new ArrayList<>();
            for (long buyer = firstBuyer; buyer < firstBuyer + buyers; buyer++) {
                taps.add(webhook.postAsync(TelegramUpdates.callback(TelegramUpdates.nextUpdateId(), buyer, 1, "pay:b:" + product + ":1")));
            }
            long refused = taps.stream().map(CompletableFuture::join).filter(ok -> !ok).count();
            double tapsSent = epochSeconds(db) - started;

            long until = System.nanoTime() + LIMIT.toNanos();
            while (System.nanoTime() < until && !(count(db, product, "status = 'COMPLETED'") == items && count(db, product, "status IN ('PENDING','AWAITING_PAYMENT','PAID')") == 0)) {
                Thread.sleep(100); // waiting on the system under test, bounded by LIMIT
            }
            Thread.sleep(2_000); // a late duplicate would show up here: give it the chance to
            long completed = count(db, product, "status = 'COMPLETED'");
            double lastCompleted = single(db, "SELECT COALESCE(extract(epoch FROM max(updated_at)), 0) FROM order_svc.orders WHERE product_id = ? AND status = 'COMPLETED'", product);
            long placed = count(db, product, "true");
            long itemsDelivered = (long) single(db, "SELECT count(*) FROM delivery_svc.inventory_items WHERE product_id = ? AND status = 'DELIVERED'", product);
            long ordersServed = (long) single(db, "SELECT count(DISTINCT order_id) FROM delivery_svc.inventory_items WHERE product_id = ? AND status = 'DELIVERED'", product);
            long spent = buyers * PRICE - (long) single(db, "SELECT COALESCE(sum(balance), 0) FROM payment_svc.wallet_balances WHERE user_id BETWEEN ? AND ?", firstBuyer, firstBuyer + buyers - 1);
            boolean exact = completed == items && itemsDelivered == items && ordersServed == items && spent == items * PRICE;

            String note = buyers + " buyers, " + items + " items; taps posted in " + String.format("%.2f", tapsSent) + " s ("
                    + refused + " refused); " + placed + " orders placed, " + completed + " completed, " + itemsDelivered
                    + " items delivered to " + ordersServed + " orders, wallets down " + spent / PRICE + " prices"
                    + (exact ? " (exact)" : " (NOT EXACT)");
            results.put("checkout.per_second", completed / Math.max(0.001, lastCompleted - started), note);
            results.put("checkout.completed", completed, note);
            results.put("checkout.exact", exact ? 1 : 0, note);
        }
    }

    private static long count(Connection db, long product, String condition) throws SQLException {
        return (long) single(db, "SELECT count(*) FROM order_svc.orders WHERE product_id = ? AND " + condition, product);
    }

    private static double epochSeconds(Connection db) throws SQLException {
        return single(db, "SELECT extract(epoch FROM clock_timestamp())");
    }

    private static double single(Connection db, String sql, long... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setLong(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }
}
