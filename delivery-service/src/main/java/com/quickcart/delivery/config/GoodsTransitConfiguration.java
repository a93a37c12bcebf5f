package com.quickcart.delivery.config;

import com.quickcart.common.goods.GoodsSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class GoodsTransitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GoodsTransitConfiguration.class);

    /** The key id is logged so an operator can match it with the notifier's (same line there). */
    @Bean
    GoodsSealer goodsSealer(GoodsTransitProperties properties) {
        GoodsSealer sealer = new GoodsSealer(properties.key());
        log.info("goods leave sealed for goods-transit key id={}", sealer.keyId());
        return sealer;
    }
}
