package com.quickcart.ingress.config;

import com.quickcart.ingress.web.InFlightLimit;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bounds on buffered bytes and requests in flight, on the public webhook paths only. */
@Configuration(proxyBeanMethods = false)
public class WebhookLimitsConfiguration {

    @Bean
    FilterRegistrationBean<InFlightLimit> webhookInFlightLimit(IngressProperties properties, MeterRegistry meters) {
        FilterRegistrationBean<InFlightLimit> registration = new FilterRegistrationBean<>(
                new InFlightLimit(properties.maxInFlight(), properties.maxBufferedBytes(), properties.bodyReadTimeout(),
                        properties.retryAfterSeconds(), meters));
        registration.addUrlPatterns("/telegram/*", "/pakasir/*");
        return registration;
    }
}
