package com.quickcart.order.session;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** Redis sessions when REDIS_URL is set, else in-memory (one order-service instance only). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionConfiguration.SessionProperties.class)
public class SessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

    @Bean
    SessionStore sessionStore(SessionProperties properties, MeterRegistry meters) {
        if (properties.redisUrl() == null || properties.redisUrl().isBlank()) {
            log.warn("REDIS_URL not set: sessions are kept in memory; run a single order-service instance");
            return new InMemorySessionStore(properties.ttl(), Clock.systemUTC(), properties.maxInMemory());
        }
        return new RedisSessionStore(properties.redisUrl(), properties.ttl(), properties.redisTimeout(), meters);
    }

    @ConfigurationProperties("quickcart.session")
    public record SessionProperties(String redisUrl, @DefaultValue("7d") Duration ttl,
                                    @DefaultValue("200ms") Duration redisTimeout,
                                    @DefaultValue("100000") int maxInMemory) {
        public SessionProperties {
            if (redisUrl != null && !redisUrl.isBlank() && !redisUrl.startsWith("redis://") && !redisUrl.startsWith("rediss://")) {
                throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss://");
            }
            if (redisTimeout.toMillis() < 10 || redisTimeout.toSeconds() > 5) {
                throw new IllegalArgumentException("quickcart.session.redis-timeout must be 10ms..5s: a session is a hint, not worth waiting for");
            }
            if (maxInMemory < 1) {
                throw new IllegalArgumentException("quickcart.session.max-in-memory must be >= 1");
            }
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("SESSION_TTL must be positive");
            }
        }
    }
}
