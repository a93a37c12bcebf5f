package com.quickcart.common.messaging.kafka;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Puts {@code quickcart-messaging-defaults.properties} (Kafka serde and producer safety, topic
 * sizing, probes, actuator exposure, metric tags) under every service's own configuration,
 * before any auto-configuration condition is evaluated. A {@code @PropertySource} on an
 * auto-configuration arrives too late for conditions such as the Prometheus endpoint's exposure.
 */
public class MessagingDefaults implements EnvironmentPostProcessor {

    static final String NAME = "quickcart-messaging-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            // Last: the service's application yml and the environment variables always win.
            environment.getPropertySources().addLast(new ResourcePropertySource(NAME, "classpath:" + NAME + ".properties"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + NAME + ".properties from common", e);
        }
    }
}
