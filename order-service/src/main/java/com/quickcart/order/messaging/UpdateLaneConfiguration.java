package com.quickcart.order.messaging;

import com.quickcart.common.messaging.RetryPolicy;
import com.quickcart.common.messaging.lanes.KeyedLanes;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Telegram updates are handled a chat at a time but many chats at once: each update spends most
 * of its time waiting on PostgreSQL (the inbox transaction, the user, the outbox row, the commit's
 * flush), so one consumer thread handling one update after another left the CPU idle while
 * customers queued (bench/results: listener on CPU ~10 %). ORDER_UPDATE_LANES chats are worked
 * on at once per instance; each holds a database connection, so it stays below the pool, which
 * the outbox relay, the saga listener and the scheduled checks share.
 */
@Configuration(proxyBeanMethods = false)
public class UpdateLaneConfiguration {

    /** Connections kept for the outbox relay, the saga listener and the scheduled checks. */
    static final int CONNECTIONS_FOR_THE_REST = 3;

    @Bean
    KeyedLanes updateLanes(RetryPolicy policy, DeadLetterPublishingRecoverer deadLetters, KafkaListenerEndpointRegistry registry,
                           MeterRegistry meters, @Value("${quickcart.orders.update-lanes:6}") int lanes,
                           @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
        if (lanes < 1 || lanes > poolSize - CONNECTIONS_FOR_THE_REST) {
            throw new IllegalArgumentException("ORDER_UPDATE_LANES must be 1.." + (poolSize - CONNECTIONS_FOR_THE_REST)
                    + " (DATABASE_POOL_SIZE " + poolSize + " less " + CONNECTIONS_FOR_THE_REST + " for the relay, the saga and the checks), was " + lanes);
        }
        // Up to 50 updates a chat-lane wait behind each one working before the consumer is paused.
        return new KeyedLanes("updates", policy, deadLetters, registry, lanes * 50, lanes, meters);
    }
}
