package com.quickcart.common.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What an SRE reads off every service: Kafka readiness and consumer-group lag (the outbox backlog sits with the outbox). */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "com.quickcart.common.persistence.MessagingPersistenceAutoConfiguration"})
public class OperationsAutoConfiguration {

    @Bean(destroyMethod = "close")
    Admin operationsAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    /** Named so that it shows as "kafka" in /actuator/health and the readiness group. */
    @Bean
    KafkaReadiness kafkaHealthIndicator(Admin operationsAdmin) {
        return new KafkaReadiness(operationsAdmin);
    }

    @Bean
    ConsumerGroupLag consumerGroupLag(KafkaAdmin kafkaAdmin, ObjectProvider<KafkaListenerEndpointRegistry> listeners,
                                      MeterRegistry meters,
                                      @org.springframework.beans.factory.annotation.Value("${quickcart.operations.lag-every:10s}")
                                      java.time.Duration every) {
        return new ConsumerGroupLag(Admin.create(kafkaAdmin.getConfigurationProperties()), () -> topicsByGroup(listeners),
                meters, every.toMillis());
    }

    private static Map<String, Set<String>> topicsByGroup(ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        Map<String, Set<String>> groups = new HashMap<>();
        KafkaListenerEndpointRegistry registry = listeners.getIfAvailable();
        if (registry == null) {
            return groups;
        }
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            if (container.getGroupId() != null && topics != null) {
                groups.computeIfAbsent(container.getGroupId(), g -> new HashSet<>()).addAll(Set.of(topics));
            }
        }
        return groups;
    }
}
