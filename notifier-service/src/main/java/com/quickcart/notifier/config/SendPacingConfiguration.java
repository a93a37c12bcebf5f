package com.quickcart.notifier.config;

import com.quickcart.notifier.outbound.LocalSendBudget;
import com.quickcart.notifier.outbound.RedisSendBudget;
import com.quickcart.notifier.outbound.SendBudget;
import com.quickcart.notifier.outbound.SendPacer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bot-wide budget in Redis when REDIS_URL is set (every instance shares it), else in this JVM. */
@Configuration(proxyBeanMethods = false)
public class SendPacingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SendPacingConfiguration.class);

    @Bean
    SendBudget sendBudget(BotApiProperties properties, BroadcastProperties broadcast) {
        if (properties.redisUrl() == null || properties.redisUrl().isBlank()) {
            log.warn("REDIS_URL not set: the Bot API budget is this instance's own; run a single notifier-service instance");
            return new LocalSendBudget(properties.globalPerSecond(), broadcast.pace());
        }
        return new RedisSendBudget(properties.redisUrl(), RedisSendBudget.NAMESPACE, properties.globalPerSecond(), properties.fallbackPerSecond(),
                properties.redisTimeout(), broadcast.pace());
    }

    @Bean
    SendPacer sendPacer(BotApiProperties properties, SendBudget budget) {
        return new SendPacer(properties, budget);
    }
}
