package com.quickcart.notifier.config;

import com.quickcart.common.messaging.RetryPolicy;
import com.quickcart.common.messaging.lanes.KeyedLanes;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The notifier's lanes: one per chat (telegram.outbound) or order (saga notices). No cap on how
 * many send at once: a lane mostly waits, on its chat's pace or on Telegram, and holds no
 * database connection while it does (docs/adr/0016).
 */
@Configuration(proxyBeanMethods = false)
public class SendLaneConfiguration {

    @Bean
    KeyedLanes sendLanes(RetryPolicy policy, DeadLetterPublishingRecoverer deadLetters, KafkaListenerEndpointRegistry registry,
                         BotApiProperties properties, MeterRegistry meters) {
        return new KeyedLanes("send", policy, deadLetters, registry, properties.maxInFlight(), 0, meters);
    }
}
