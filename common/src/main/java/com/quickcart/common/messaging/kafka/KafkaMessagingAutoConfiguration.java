package com.quickcart.common.messaging.kafka;

import com.quickcart.common.events.Topics;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.MessagingProperties;
import com.quickcart.common.messaging.PermanentFailure;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kafka as every QuickCart service uses it, configured once: envelope serde and producer
 * safety ({@link MessagingDefaults}), topics with their dead-letter twins, and one error handler that
 * retries with backoff and then parks the record in {@code <topic>.dlt} so the partition moves on.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(MessagingProperties.class)
public class KafkaMessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaMessagingAutoConfiguration.class);

    @Bean
    EventCodec eventCodec() {
        return new EventCodec(Clock.systemUTC());
    }

    @Bean
    KafkaAdmin.NewTopics quickcartTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(TopicBuilder.name(topic).partitions(properties.partitions())
                    .replicas(properties.replicationFactor()).build());
            topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(properties.partitions())
                    .replicas(properties.replicationFactor()).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(ProducerFactory<?, ?> producerFactory, MessagingProperties properties,
                                          ObjectProvider<MeterRegistry> meters) {
        @SuppressWarnings("unchecked")
        ProducerFactory<Object, Object> deadLetterProducers = ((DefaultKafkaProducerFactory<Object, Object>) producerFactory)
                .copyWithConfigurationOverride(Map.of(
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class.getName()));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                new KafkaTemplate<>(deadLetterProducers),
                (record, exception) -> {
                    // The one place every poison record passes: say so loudly, with its coordinates.
                    log.error("dead-lettering record topic={} partition={} offset={} key={} cause={}", record.topic(),
                            record.partition(), record.offset(), record.key(), rootMessage(exception));
                    meters.ifAvailable(m -> m.counter("quickcart.dead.letters", "topic", record.topic()).increment());
                    // A negative partition lets the key choose, so the DLT may have its own partition count.
                    return new TopicPartition(Topics.deadLetter(record.topic()), -1);
                });
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.maxAttempts() - 1);
        backOff.setInitialInterval(Math.max(1, properties.retryBackoff().toMillis()));
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PermanentFailure.class);
        return handler;
    }

    private static String rootMessage(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
