package com.quickcart.bench.scaling;

import com.quickcart.bench.Endpoints;
import com.quickcart.bench.load.Webhook;
import com.quickcart.bench.report.Results;
import com.quickcart.testsupport.TelegramUpdates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Updates order-service handles per second with however many instances run: a fixed number of
 * {@code /help} messages from new chats is posted through the ingress as fast as it accepts
 * them, and the clock stops when order-service's consumer group has committed the last one
 * (each a user registered, an inbox row, a reply in the outbox). Bounded: at most three minutes.
 */
public final class UpdateThroughput {

    private static final String GROUP = "order-service";
    private static final String TOPIC = "telegram.updates";
    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final int POSTERS = 16;

    private final Endpoints endpoints;
    private final Results results;
    private final Webhook webhook;

    public UpdateThroughput(Endpoints endpoints, Results results) {
        this.endpoints = endpoints;
        this.results = results;
        this.webhook = new Webhook(endpoints);
    }

    public void run(String instances, int updates) throws Exception {
        try (ConsumerLag lag = new ConsumerLag(endpoints.kafka())) {
            // What earlier steps left must not count here.
            lag.awaitCaughtUp(GROUP, TOPIC, Duration.ofSeconds(90));
            lag.awaitCaughtUp("notifier-service", "telegram.outbound", Duration.ofSeconds(90));
            long start = System.nanoTime();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            List<Thread> posters = new ArrayList<>();
            for (int i = 0; i < POSTERS; i++) {
                posters.add(Thread.ofVirtual().start(() -> {
                    while (next.getAndIncrement() < updates) {
                        long chat = TelegramUpdates.newChatId();
                        if (!webhook.post(TelegramUpdates.text(TelegramUpdates.nextUpdateId(), chat, "/help", "id"))) {
                            refused.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread poster : posters) {
                poster.join();
            }
            double postSeconds = (System.nanoTime() - start) / 1e9;
            boolean drained = lag.awaitCaughtUp(GROUP, TOPIC, LIMIT);
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean replied = lag.awaitCaughtUp("notifier-service", "telegram.outbound", LIMIT);
            double replySeconds = (System.nanoTime() - start) / 1e9;
            String note = updates + " updates posted in " + String.format("%.1f", postSeconds) + " s (" + refused.get()
                    + " refused), all handled after " + String.format("%.1f", seconds) + " s"
                    + (drained ? "" : " (NOT drained within " + LIMIT.toMinutes() + " min)");
            results.put("scaling." + instances + ".per_second", (updates - refused.get()) / seconds, note);
            results.put("scaling." + instances + ".replies_per_second", (updates - refused.get()) / replySeconds,
                    "the same updates' replies all sent to the Bot API (one notifier) after " + String.format("%.1f", replySeconds) + " s"
                            + (replied ? "" : " (NOT drained)"));
        }
    }

}
