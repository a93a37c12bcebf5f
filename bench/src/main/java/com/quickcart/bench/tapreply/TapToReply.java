package com.quickcart.bench.tapreply;

import com.quickcart.bench.Endpoints;
import com.quickcart.bench.load.OpenLoop;
import com.quickcart.bench.load.Webhook;
import com.quickcart.bench.report.Results;
import com.quickcart.bench.scaling.ConsumerLag;
import com.quickcart.bench.telegram.BenchBotApi;
import com.quickcart.testsupport.TelegramUpdates;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Time from a customer's message reaching the webhook to the bot's answer reaching the Bot API,
 * at fixed offered rates: new chats each sending {@code /help}, as many a second as asked,
 * whatever the cluster does. After each rate the step waits a bounded time for the stragglers;
 * answers that never came are reported, not hidden.
 */
public final class TapToReply {

    private static final Duration DRAIN = Duration.ofSeconds(40);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(90);

    private final Webhook webhook;
    private final BenchBotApi botApi;
    private final Results results;
    private final String label;
    private final String kafka;

    public TapToReply(Endpoints endpoints, BenchBotApi botApi, Results results, String label) {
        this.webhook = new Webhook(endpoints);
        this.botApi = botApi;
        this.results = results;
        this.label = label;
        this.kafka = endpoints.kafka();
    }

    public void sweep(Duration perRate, int... rates) throws Exception {
        for (int rate : rates) {
            measure(rate, perRate);
        }
    }

    private void measure(int rate, Duration duration) throws Exception {
        // Each rate starts from an idle pipeline: a backlog from the last one would be measured as this one's latency.
        try (ConsumerLag lag = new ConsumerLag(kafka)) {
            lag.awaitCaughtUp("order-service", "telegram.updates", IDLE_WAIT);
            lag.awaitCaughtUp("notifier-service", "telegram.outbound", IDLE_WAIT);
        }
        botApi.takeLatencies();
        long refusedBefore = botApi.refusedWith429();
        AtomicInteger rejected = new AtomicInteger();
        int sent = OpenLoop.run(rate, duration, due -> {
            long chat = TelegramUpdates.newChatId();
            botApi.expectReply(chat, due);
            webhook.postAsync(TelegramUpdates.text(TelegramUpdates.nextUpdateId(), chat, "/help", "id"))
                    .thenAccept(accepted -> {
                        if (!accepted) {
                            rejected.incrementAndGet();
                        }
                    });
        });
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (botApi.waiting() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(100); // a benchmark step waiting for the system under test, bounded by DRAIN
        }
        int unanswered = botApi.waiting();
        Histogram micros = botApi.takeLatencies();
        String key = "tap." + label + "." + rate;
        String note = sent + " taps in " + duration.toSeconds() + " s, " + unanswered + " unanswered after "
                + DRAIN.toSeconds() + " s, " + rejected.get() + " refused by the ingress, "
                + (botApi.refusedWith429() - refusedBefore) + " answered 429 by the fake";
        results.put(key + ".p50_ms", micros.getValueAtPercentile(50) / 1000.0, note);
        results.put(key + ".p99_ms", micros.getValueAtPercentile(99) / 1000.0, note);
        results.put(key + ".max_ms", micros.getMaxValue() / 1000.0, note);
        results.put(key + ".unanswered", unanswered, note);
        results.put(key + ".http429", botApi.refusedWith429() - refusedBefore, note);
    }
}
