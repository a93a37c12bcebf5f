package com.quickcart.common.messaging.kafka;

import com.quickcart.common.events.Topics;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.FailureClassifier;
import com.quickcart.common.messaging.MessagingProperties;
import com.quickcart.common.messaging.PermanentFailure;
import com.quickcart.common.messaging.RetryPolicy;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import com.quickcart.common.messaging.lanes.KeyedLanes;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kafka as every QuickCart service uses it, configured once: envelope serde and producer
 * safety ({@link MessagingDefaults}), the service's own broker credentials ({@link KafkaClientSecurity}), topics with their dead-letter twins, and one error handler that
 * retries a transient failure until it passes (pausing, not sleeping) and parks any other failure
 * in {@code <topic>.dlt} after bounded retries so the partition moves on.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(MessagingProperties.class)
public class KafkaMessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaMessagingAutoConfiguration.class);

    @Bean
    EventCodec eventCodec() {
        return new EventCodec(Clock.systemUTC());
    }

    /**
     * Gives every Kafka client Spring Boot builds (producers, consumers, the admin, and the copies
     * made from them: the dead-letter producer, the lag and readiness admin) the service's own
     * broker identity, from {@code quickcart.kafka.*} ({@code KAFKA_SECURITY_PROTOCOL}, ...).
     * On the properties rather than on each factory, so no client is ever built without it.
     */
    @Bean
    static BeanPostProcessor quickcartKafkaClientSecurity(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaProperties kafka) {
                    KafkaClientSecurity security = Binder.get(environment).bindOrCreate("quickcart.kafka", KafkaClientSecurity.class);
                    kafka.getProperties().putAll(security.clientProperties());
                    log.info("kafka clients connect with {}", security);
                }
                return bean;
            }
        };
    }

    @Bean
    KafkaAdmin.NewTopics quickcartTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(topics(properties).toArray(NewTopic[]::new));
    }

    /** Every topic and its dead-letter twin, as common creates them. */
    static List<NewTopic> topics(MessagingProperties properties) {
        // acks=all is only as strong as the replicas that must hold a write: with 3 replicas, 2
        // must (one broker may be down, a lone leader may not acknowledge alone); with 1 or 2, 1.
        String minInsync = Integer.toString(minInsyncReplicas(properties.replicationFactor()));
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            for (String name : List.of(topic, Topics.deadLetter(topic))) {
                topics.add(TopicBuilder.name(name).partitions(properties.partitions())
                        .replicas(properties.replicationFactor())
                        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync)
                        .build());
            }
        }
        return topics;
    }

    static int minInsyncReplicas(int replicationFactor) {
        return replicationFactor <= 2 ? 1 : replicationFactor - 1;
    }

    /**
     * For listeners that hand records to {@link KeyedLanes}: Spring Boot's own container settings
     * (and the error handler below, for records that cannot even be decoded), with manual
     * acknowledgement, because a record is done when its lane says so, not when the listener returns.
     */
    @Bean(KeyedLanes.LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> keyedLanesListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.getContainerProperties().setAckMode(AckMode.MANUAL);
        return factory;
    }

    @Bean
    RetryPolicy quickcartRetryPolicy(MessagingProperties properties) {
        return new RetryPolicy(properties);
    }

    /** Parks a record in {@code <topic>.dlt} with its headers; also used by listeners that process records off the consumer thread. */
    @Bean
    DeadLetterPublishingRecoverer quickcartDeadLetters(ProducerFactory<?, ?> producerFactory, ObjectProvider<MeterRegistry> meters) {
        @SuppressWarnings("unchecked")
        ProducerFactory<Object, Object> deadLetterProducers = ((DefaultKafkaProducerFactory<Object, Object>) producerFactory)
                .copyWithConfigurationOverride(Map.of(
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class.getName()));
        return new DeadLetterPublishingRecoverer(
                new KafkaTemplate<>(deadLetterProducers),
                (record, exception) -> {
                    // The one place every poison record passes: say so loudly, with its coordinates.
                    log.error("dead-lettering record topic={} partition={} offset={} key={} cause={}", record.topic(),
                            record.partition(), record.offset(), record.key(), rootMessage(exception));
                    meters.ifAvailable(m -> m.counter("quickcart.dead.letters", "topic", record.topic()).increment());
                    // A negative partition lets the key choose, so the DLT may have its own partition count.
                    return new TopicPartition(Topics.deadLetter(record.topic()), -1);
                });
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(DeadLetterPublishingRecoverer quickcartDeadLetters, RetryPolicy policy,
                                          ObjectProvider<MeterRegistry> meters, ObjectProvider<ListenerContainerRegistry> registry) {
        // Records that can never succeed (decode errors, validation, a refused request) get a few
        // quick tries and go to the DLT. Transient failures (database or broker away, a remote 5xx)
        // are retried with capped exponential backoff for as long as they last: the container is
        // paused for each wait instead of sleeping on the consumer thread, so it keeps polling and
        // is never evicted from the group (max.poll.interval.ms), and nothing is dead-lettered for
        // an outage. See docs/adr/0014-transient-failures-wait-poison-records-dead-letter.md.
        ListenerContainerPauseService pauses = new ListenerContainerPauseService(registry.getIfAvailable(), resumeScheduler());
        DefaultErrorHandler handler = new DefaultErrorHandler(quickcartDeadLetters, policy.bounded(),
                new ContainerPausingBackOffHandler(pauses));
        handler.setBackOffFunction((record, exception) -> {
            if (FailureClassifier.isTransient(exception)) {
                // Once per record and cause, not per try: the backoff is asked for when the failure starts.
                log.warn("transient failure, retrying until it passes topic={} partition={} offset={} key={} cause={}",
                        record.topic(), record.partition(), record.offset(), record.key(), rootMessage(exception));
                meters.ifAvailable(m -> m.counter("quickcart.transient.failures", "topic", record.topic()).increment());
            }
            return policy.backOffFor(exception);
        });
        // A record whose failure turns from transient to permanent starts its bounded count afresh.
        handler.setResetStateOnExceptionChange(true);
        handler.addNotRetryableExceptions(PermanentFailure.class);
        return handler;
    }

    /**
     * Resumes containers the error handler paused. Not a bean: a TaskScheduler bean would replace
     * the one Spring Boot gives @Scheduled methods. Daemon threads, so it never holds a JVM open.
     */
    private static ThreadPoolTaskScheduler resumeScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("kafka-resume-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        return scheduler;
    }

    static String rootMessage(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
