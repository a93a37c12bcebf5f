package com.quickcart.notifier.config;

import com.quickcart.common.goods.GoodsSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class StockIntakeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StockIntakeConfiguration.class);

    /** The key id is logged so an operator can match it with delivery-service's (same words there). */
    @Bean
    GoodsSealer stockIntakeSealer(StockIntakeProperties properties) {
        GoodsSealer sealer = new GoodsSealer(properties.key());
        log.info("uploads leave sealed for stock-intake key id={}", sealer.keyId());
        return sealer;
    }
}
