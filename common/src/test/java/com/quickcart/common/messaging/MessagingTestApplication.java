package com.quickcart.common.messaging;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.messaging.inbox.Inbox;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal service using common's messaging the way every real service does. */
@SpringBootApplication
class MessagingTestApplication {

    /** Listens on delivery.commands (unused elsewhere in this module): "poison" payloads always fail. */
    @Component
    static class RecordingListener {
        final List<String> handled = new CopyOnWriteArrayList<>();
        /** Delivery attempts per poison text. */
        final java.util.Map<String, AtomicInteger> poisonAttempts = new java.util.concurrent.ConcurrentHashMap<>();
        /** Delivery attempts per flaky text ("flaky:<failures> ..."): fails like a database that is away, then recovers. */
        final java.util.Map<String, AtomicInteger> flakyAttempts = new java.util.concurrent.ConcurrentHashMap<>();
        /** The "bug" behind poison records; a test fixes it before replaying the dead letters. */
        volatile boolean poisonFails = true;
        private final Inbox inbox;

        RecordingListener(Inbox inbox) {
            this.inbox = inbox;
        }

        @KafkaListener(id = "messaging-test", topics = Topics.DELIVERY_COMMANDS, groupId = "messaging-test")
        void on(EventEnvelope envelope) {
            String text = envelope.payload().path("text").asText();
            if (text.startsWith("poison") && poisonFails) {
                poisonAttempts.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
                throw new IllegalStateException("cannot handle " + text);
            }
            if (text.startsWith("flaky:")) {
                int failures = Integer.parseInt(text.substring("flaky:".length(), text.indexOf(' ')));
                if (flakyAttempts.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet() <= failures) {
                    throw new org.springframework.jdbc.CannotGetJdbcConnectionException("database is restarting");
                }
            }
            inbox.handleOnce("messaging-test", envelope, e -> handled.add(text));
        }
    }
}
