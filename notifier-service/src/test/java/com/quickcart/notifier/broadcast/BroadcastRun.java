package com.quickcart.notifier.broadcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.order.BroadcastContent;
import com.quickcart.common.events.order.BroadcastControl;
import com.quickcart.common.events.order.BroadcastRecipients;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.testsupport.FakeTelegramBotApi;
import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TopicProbe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.awaitility.Awaitility.await;

/**
 * One broadcast as order-service would start it (its recipients in chunks on broadcast.commands),
 * and what came of it: the Bot API calls the fake recorded and the progress on broadcast.events.
 */
final class BroadcastRun {

    static final int CHUNK = 500;

    final long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    final String text;
    final List<Long> audience;
    final Set<Long> blocked;
    private final EventCodec codec;
    /** Puts a command on broadcast.commands under its key. */
    private final java.util.function.Consumer<EventEnvelope> publish;
    private final FakeTelegramBotApi botApi;

    /** {@code blockedShare} of the audience (picked at random) has blocked the bot. */
    BroadcastRun(int recipients, double blockedShare, EventCodec codec, java.util.function.Consumer<EventEnvelope> publish,
                 FakeTelegramBotApi botApi) {
        this.codec = codec;
        this.publish = publish;
        this.botApi = botApi;
        this.text = "<b>Restock</b> for broadcast " + id;
        this.audience = LongStream.range(0, recipients).map(i -> TelegramUpdates.newChatId()).boxed().toList();
        List<Long> shuffled = new ArrayList<>(audience);
        java.util.Collections.shuffle(shuffled);
        this.blocked = Set.copyOf(shuffled.subList(0, (int) Math.round(recipients * blockedShare)));
        botApi.blockChats(blocked);
    }

    /** Publishes every chunk; {@code repeatChunk} (or -1) is published twice, as a redelivery would. */
    void start(int repeatChunk) {
        int chunks = (audience.size() + CHUNK - 1) / CHUNK;
        BroadcastContent content = new BroadcastContent(text, null, "Shop now", "https://shop.example/restock");
        for (int chunk = 0; chunk < chunks; chunk++) {
            List<Long> ids = audience.subList(chunk * CHUNK, Math.min(audience.size(), (chunk + 1) * CHUNK));
            EventEnvelope envelope = codec.wrap(Long.toString(id), new BroadcastRecipients(id, chunk, chunks, audience.size(), content, ids));
            publish.accept(envelope);
            if (chunk == repeatChunk) {
                publish.accept(envelope);
            }
        }
    }

    void control(BroadcastControl.Action action) {
        publish.accept(codec.wrap(Long.toString(id), new BroadcastControl(id, action)));
    }

    /** This broadcast's messages as Telegram received them (any status). */
    List<BotCall> calls() {
        return botApi.callsMatching(c -> c.method().equals("sendMessage") && text.equals(c.text()));
    }

    /** How many times each chat was sent the message successfully. */
    Map<Long, Long> deliveries() {
        Map<Long, Long> counts = new HashMap<>();
        calls().stream().filter(c -> c.status() == 200).forEach(c -> counts.merge(c.chatId(), 1L, Long::sum));
        return counts;
    }

    long delivered() {
        return calls().stream().filter(c -> c.status() == 200).count();
    }

    Set<Long> reachable() {
        return audience.stream().filter(chat -> !blocked.contains(chat)).collect(Collectors.toSet());
    }

    /** The final progress report (finished=true), waiting for it. */
    JsonNode awaitOutcome(TopicProbe events, Duration atMost) {
        return events.awaitOne(s -> "BroadcastProgressed".equals(s.type()) && s.payload().path("broadcastId").asLong() == id
                && s.payload().path("finished").asBoolean(), atMost).payload();
    }

    List<JsonNode> progress(TopicProbe events) {
        return events.seen(s -> "BroadcastProgressed".equals(s.type()) && s.payload().path("broadcastId").asLong() == id)
                .stream().map(TopicProbe.Seen::payload).toList();
    }

    void awaitDelivered(long count, Duration atMost) {
        await().atMost(atMost).until(() -> delivered() >= count);
    }
}
