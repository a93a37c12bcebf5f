package com.quickcart.bench.broadcast;

import com.quickcart.bench.Endpoints;
import com.quickcart.bench.report.Results;
import com.quickcart.bench.tapreply.TapToReply;
import com.quickcart.bench.telegram.BenchBotApi;
import com.quickcart.bench.telegram.BenchBotApi.SendWatch;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.order.BroadcastContent;
import com.quickcart.common.events.order.BroadcastRecipients;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.testsupport.TelegramUpdates;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * A broadcast as order-service hands it to the notifier (its recipients in chunks of 500 on
 * broadcast.commands, as after an operator's Confirm), measured at the fake Bot API: the rate it
 * achieved against the configured one, 429s, chats served twice; and tap → reply for live
 * customers at a fixed rate, first with no broadcast, then while this one runs.
 */
public final class BroadcastLoad {

    private static final int CHUNK = 500;
    /** Time for the broadcast to reach its pace before live taps are measured against it. */
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private final Endpoints endpoints;
    private final BenchBotApi botApi;
    private final Results results;

    public BroadcastLoad(Endpoints endpoints, BenchBotApi botApi, Results results) {
        this.endpoints = endpoints;
        this.botApi = botApi;
        this.results = results;
    }

    public void run(int recipients, int configuredPerSecond, Duration tapDuration, int tapRate) throws Exception {
        new TapToReply(endpoints, botApi, results, "broadcast-off").sweep(tapDuration, tapRate);

        long broadcastId = System.currentTimeMillis();
        String marker = "bench broadcast " + broadcastId;
        SendWatch watch = botApi.watch(marker);
        publish(broadcastId, marker, recipients);
        Duration expected = Duration.ofMillis(recipients * 1000L / configuredPerSecond);
        long deadline = System.nanoTime() + expected.multipliedBy(2).plus(Duration.ofSeconds(60)).toNanos();
        while (watch.accepted() < Math.min(recipients, (long) configuredPerSecond * WARM_UP.toSeconds()) && System.nanoTime() < deadline) {
            Thread.sleep(100); // waiting for the system under test, bounded by the deadline
        }
        boolean overlapped = watch.accepted() < recipients;
        new TapToReply(endpoints, botApi, results, "broadcast-on").sweep(tapDuration, tapRate);
        boolean stillRunningAfterTaps = watch.accepted() < recipients;
        while (watch.accepted() < recipients && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        String note = recipients + " recipients in chunks of " + CHUNK + ", BROADCAST_PER_SECOND=" + configuredPerSecond + ", "
                + watch.accepted() + " accepted, " + watch.refused() + " refused (429) by the fake, " + watch.repeats()
                + " chats served twice; live taps at " + tapRate + "/s " + (overlapped && stillRunningAfterTaps
                ? "entirely during the broadcast" : "only partly during the broadcast (it was too short)");
        results.put("broadcast.per_second", watch.perSecond(), note);
        results.put("broadcast.configured_per_second", configuredPerSecond, note);
        results.put("broadcast.rate_ratio", watch.perSecond() / configuredPerSecond, note);
        results.put("broadcast.delivered", watch.accepted(), note);
        results.put("broadcast.http429", watch.refused(), note);
        results.put("broadcast.repeats", watch.repeats(), note);
        results.put("broadcast.tap_rate", tapRate, note);
    }

    private void publish(long broadcastId, String marker, int recipients) throws Exception {
        EventCodec codec = new EventCodec(Clock.systemUTC());
        List<Long> chats = LongStream.range(0, recipients).map(i -> TelegramUpdates.newChatId()).boxed().toList();
        BroadcastContent content = new BroadcastContent("<b>Restock</b> " + marker, null, "Shop", "https://shop.example/bench");
        int chunks = (recipients + CHUNK - 1) / CHUNK;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafka(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int chunk = 0; chunk < chunks; chunk++) {
                List<Long> ids = chats.subList(chunk * CHUNK, Math.min(recipients, (chunk + 1) * CHUNK));
                EventEnvelope envelope = codec.wrap(Long.toString(broadcastId),
                        new BroadcastRecipients(broadcastId, chunk, chunks, recipients, content, ids));
                producer.send(new ProducerRecord<>(Topics.BROADCAST_COMMANDS, envelope.key(), EventCodec.encode(envelope))).get();
            }
        }
    }
}
