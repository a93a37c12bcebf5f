package com.quickcart.notifier.config;

import com.quickcart.common.messaging.RetryPolicy;
import com.quickcart.notifier.outbound.SendLanes;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Listeners that hand records to {@link SendLanes}: Spring Boot's own container settings (and
 * common's error handler for records that cannot even be decoded), with manual acknowledgement,
 * because a record is done when its lane says so, not when the listener returns.
 */
@Configuration(proxyBeanMethods = false)
public class SendLaneConfiguration {

    public static final String FACTORY = "sendLaneListenerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> sendLaneListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.getContainerProperties().setAckMode(AckMode.MANUAL);
        return factory;
    }

    @Bean
    SendLanes sendLanes(RetryPolicy policy, DeadLetterPublishingRecoverer deadLetters, KafkaListenerEndpointRegistry registry,
                        BotApiProperties properties, MeterRegistry meters) {
        return new SendLanes(policy, deadLetters, registry, properties.maxInFlight(), meters);
    }
}
