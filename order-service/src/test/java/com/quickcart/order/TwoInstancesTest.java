package com.quickcart.order;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.events.Topics;
import com.quickcart.common.events.telegram.TelegramUpdateReceived;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.kafka.EnvelopeSerializer;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TestEnvironment;
import com.quickcart.testsupport.TestRedis;
import com.quickcart.testsupport.TopicProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Scaling order-service out: two instances share the work with no duplicate effect and no reordering per chat. */
class TwoInstancesTest {

    private static final int CHATS = 30;
    private static final int STEPS = 4;

    @Test
    void twoInstancesHandleABurstFromManyChatsEachUpdateOnceAndEachChatInOrder() throws Exception {
        Map<String, Object> environment = TestEnvironment.infrastructure();
        environment.put("REDIS_URL", TestRedis.url());
        environment.put("LIQUIBASE_CONTEXTS", "main,demo");
        EventCodec codec = new EventCodec(Clock.systemUTC());
        List<Long> chats = LongStream.range(0, CHATS).map(i -> TelegramUpdates.newChatId()).boxed().toList();

        try (ConfigurableApplicationContext first = OrderServiceApplication.application(environment).run();
             ConfigurableApplicationContext second = OrderServiceApplication.application(environment).run();
             TopicProbe outbound = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.TELEGRAM_OUTBOUND);
             KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(
                     Map.of("bootstrap.servers", KafkaBroker.bootstrapServers(), "acks", "all"),
                     new StringSerializer(), new EnvelopeSerializer())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> assigned(first) > 0 && assigned(second) > 0);

            // Interleaved across chats, in order within each chat: product 1, 2, 3, 4.
            for (int step = 1; step <= STEPS; step++) {
                for (long chat : chats) {
                    ObjectNode update = TelegramUpdates.text(TelegramUpdates.nextUpdateId(), chat, Integer.toString(step), "en");
                    long updateId = update.path("update_id").asLong();
                    UUID eventId = UUID.nameUUIDFromBytes(("telegram-update:" + updateId).getBytes(StandardCharsets.UTF_8));
                    producer.send(new ProducerRecord<>(Topics.TELEGRAM_UPDATES, Long.toString(chat),
                            codec.wrap(eventId, Long.toString(chat), new TelegramUpdateReceived(updateId, update))));
                }
            }
            producer.flush();

            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> chats.stream().allMatch(chat -> productScreens(outbound, chat).size() >= STEPS));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("outbound seen " + outbound.seen().size() + "; first chat: "
                        + outbound.seen(s -> Long.toString(chats.getFirst()).equals(s.key())), e);
            }
            for (long chat : chats) {
                assertThat(productScreens(outbound, chat)).as("chat " + chat).containsExactly("1", "2", "3", "4");
            }
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM processed_events WHERE consumer = 'telegram-updates'").query(Long.class).single())
                    .isEqualTo((long) CHATS * STEPS);
            assertThat(assigned(first) + assigned(second)).isEqualTo(3);
        }
    }

    private static int assigned(ConfigurableApplicationContext context) {
        var container = context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("order-telegram-updates");
        return container == null || container.getAssignedPartitions() == null ? 0 : container.getAssignedPartitions().size();
    }

    /** The product numbers of the product screens sent to the chat, in the order they were published. */
    private static List<String> productScreens(TopicProbe outbound, long chat) {
        return outbound.seen(s -> Long.toString(chat).equals(s.key())).stream()
                .filter(s -> s.payload().path("method").asText().equalsIgnoreCase("sendMessage"))
                .map(s -> s.payload().path("body").path("text").asText())
                .filter(text -> text.matches("(?s)^\\d+\\. .*Price: .*"))
                .map(text -> text.substring(0, text.indexOf('.')))
                .toList();
    }
}
