package com.quickcart.ingress.config;

import com.quickcart.common.goods.GoodsSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class UpdateTransitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(UpdateTransitConfiguration.class);

    /** The key id is logged so an operator can match it with order-service's (same words there). */
    @Bean
    GoodsSealer updateTransitSealer(UpdateTransitProperties properties) {
        GoodsSealer sealer = new GoodsSealer(properties.key());
        log.info("typed text leaves sealed for update-transit key id={}", sealer.keyId());
        return sealer;
    }
}
