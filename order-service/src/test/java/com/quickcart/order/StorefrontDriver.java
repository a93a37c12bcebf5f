package com.quickcart.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.telegram.TelegramUpdateReceived;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TopicProbe;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Plays a Telegram user against order-service: publishes Telegram's own update JSON on
 * telegram.updates (as ingress would) and reads the Bot API calls order-service asks for.
 */
final class StorefrontDriver {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final KafkaTemplate<String, EventEnvelope> kafka;
    private final EventCodec codec;
    private final TopicProbe outbound;

    StorefrontDriver(KafkaTemplate<String, EventEnvelope> kafka, EventCodec codec, TopicProbe outbound) {
        this.kafka = kafka;
        this.codec = codec;
        this.outbound = outbound;
    }

    /** A user in a private chat; its chat id equals its user id, as on Telegram. */
    User newUser(String languageCode) {
        return new User(TelegramUpdates.newChatId(), languageCode);
    }

    final class User {
        final long id;
        final String languageCode;
        private int seen;
        private String lastCallbackId;

        User(long id, String languageCode) {
            this.id = id;
            this.languageCode = languageCode;
        }

        User says(String text) {
            ObjectNode update = TelegramUpdates.text(TelegramUpdates.nextUpdateId(), id, text, languageCode);
            publish(update);
            return this;
        }

        User taps(String callbackData) {
            ObjectNode update = TelegramUpdates.callback(TelegramUpdates.nextUpdateId(), id, 555, callbackData);
            lastCallbackId = update.path("callback_query").path("id").asText();
            publish(update);
            return this;
        }

        /** Forgets what this chat was sent so far (a chat that outlives one test, such as an owner's). */
        User ignoringEarlierReplies() {
            seen = replies().size();
            return this;
        }

        /** The answerCallbackQuery calls for the last tap (Telegram wants exactly one). */
        List<Reply> answersToLastTap() {
            return replies().stream().filter(r -> r.method().equalsIgnoreCase("answerCallbackQuery")
                    && r.body().path("callback_query_id").asText().equals(lastCallbackId)).toList();
        }

        /** Waits for the answer to the last tap and returns its notice text ("" when silent). */
        String answerToLastTap() {
            await().atMost(WAIT).until(() -> !answersToLastTap().isEmpty());
            return answersToLastTap().getFirst().body().path("text").asText("");
        }

        User sendsUpdate(ObjectNode update) {
            publish(update);
            return this;
        }

        /** Publishes an update from another chat (an admin), keyed by that chat as ingress would. */
        void sendsUpdateAs(long chatId, ObjectNode update) {
            long updateId = update.path("update_id").asLong();
            UUID eventId = UUID.nameUUIDFromBytes(("telegram-update:" + updateId).getBytes(StandardCharsets.UTF_8));
            kafka.send(Topics.TELEGRAM_UPDATES, Long.toString(chatId), codec.wrap(eventId, Long.toString(chatId),
                    new TelegramUpdateReceived(updateId, update)));
        }

        /** Waits for the next Bot API call to this chat that matches, and moves past it. */
        Reply expect(Predicate<Reply> predicate) {
            await().atMost(WAIT).until(() -> replies().stream().skip(seen).anyMatch(predicate));
            List<Reply> all = replies();
            for (int i = seen; i < all.size(); i++) {
                if (predicate.test(all.get(i))) {
                    seen = i + 1;
                    return all.get(i);
                }
            }
            throw new AssertionError("unreachable");
        }

        /** The next screen the user sees: a new message or an edit of the tapped one. */
        Reply screen() {
            return expect(r -> r.method().equalsIgnoreCase("sendMessage") || r.method().equalsIgnoreCase("editMessageText"));
        }

        List<Reply> replies() {
            return repliesTo(id);
        }

        private void publish(ObjectNode update) {
            long updateId = update.path("update_id").asLong();
            UUID eventId = UUID.nameUUIDFromBytes(("telegram-update:" + updateId).getBytes(StandardCharsets.UTF_8));
            kafka.send(Topics.TELEGRAM_UPDATES, Long.toString(id), codec.wrap(eventId, Long.toString(id),
                    new TelegramUpdateReceived(updateId, update)));
        }
    }

    List<Reply> repliesTo(long chatId) {
        List<Reply> replies = new ArrayList<>();
        for (TopicProbe.Seen seen : outbound.seen(s -> Long.toString(chatId).equals(s.key()))) {
            replies.add(new Reply(seen.payload().path("method").asText(), seen.payload().path("body")));
        }
        return replies;
    }

    /** One Bot API call as order-service asked for it. */
    record Reply(String method, JsonNode body) {

        String text() {
            return body.path("text").asText(body.path("caption").asText(""));
        }

        List<String> callbackData() {
            List<String> data = new ArrayList<>();
            body.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> data.add(b.path("callback_data").asText())));
            return data;
        }

        List<String> buttonTexts() {
            List<String> texts = new ArrayList<>();
            body.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> texts.add(b.path("text").asText())));
            body.path("reply_markup").path("keyboard").forEach(row -> row.forEach(b -> texts.add(b.path("text").asText())));
            return texts;
        }

        boolean isEdit() {
            return method.equalsIgnoreCase("editMessageText");
        }
    }
}
