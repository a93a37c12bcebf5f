package com.quickcart.common.persistence;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.common.messaging.MessagingProperties;
import com.quickcart.common.messaging.inbox.Inbox;
import com.quickcart.common.messaging.inbox.InboxPruner;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.common.messaging.outbox.OutboxRelay;
import com.quickcart.common.operations.OutboxMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/**
 * Outbox and inbox for every service that owns a schema ({@code quickcart.db.schema} set).
 * The stateless ingress has neither.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "com.quickcart.common.messaging.kafka.KafkaMessagingAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(name = "org.springframework.jdbc.core.simple.JdbcClient")
@ConditionalOnProperty("quickcart.db.schema")
public class MessagingPersistenceAutoConfiguration {

    @Bean
    @ConditionalOnClass(name = "liquibase.integration.spring.SpringLiquibase")
    static SchemaBootstrap schemaBootstrap() {
        return new SchemaBootstrap();
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaTemplate<String, EventEnvelope> kafka,
                            MessagingProperties properties,
                            @Value("${quickcart.messaging.outbox-relay-auto-startup:true}") boolean autoStartup) {
        OutboxRelay relay = new OutboxRelay(jdbc, tx, kafka, properties.outboxPollInterval(), properties.sendTimeout(),
                properties.outboxBatchSize());
        relay.setAutoStartup(autoStartup);
        return relay;
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, OutboxRelay relay, MessagingProperties properties) {
        return new Outbox(jdbc, relay::wakeUp, properties.maxEventBytes());
    }

    /** The outbox backlog an SRE alerts on; lives here because only services with a schema have an outbox. */
    @Bean
    OutboxMetrics outboxMetrics(JdbcClient jdbc, MeterRegistry meters) {
        return new OutboxMetrics(jdbc, meters);
    }

    @Bean
    Inbox inbox(JdbcClient jdbc, TransactionTemplate tx) {
        return new Inbox(jdbc, tx);
    }

    @Bean
    InboxPruner inboxPruner(JdbcClient jdbc, MessagingProperties properties) {
        return new InboxPruner(jdbc, properties.inboxRetention(), Duration.ofHours(1));
    }
}
