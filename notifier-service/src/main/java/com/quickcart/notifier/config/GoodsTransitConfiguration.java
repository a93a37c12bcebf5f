package com.quickcart.notifier.config;

import com.quickcart.common.goods.GoodsOpener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class GoodsTransitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GoodsTransitConfiguration.class);

    /** The key ids are logged so an operator can match the current one with delivery-service's. */
    @Bean
    GoodsOpener goodsOpener(GoodsTransitProperties properties) {
        GoodsOpener opener = new GoodsOpener(properties.current(), properties.previous());
        log.info("goods open with goods-transit key id={} (all held: {})", opener.keyId(), opener.keyIds());
        return opener;
    }
}
