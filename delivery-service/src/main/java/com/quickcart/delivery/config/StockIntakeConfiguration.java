package com.quickcart.delivery.config;

import com.quickcart.common.goods.GoodsOpener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class StockIntakeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StockIntakeConfiguration.class);

    /** The key id is logged so an operator can match it with the notifier's (same words there). */
    @Bean
    GoodsOpener stockIntakeOpener(StockIntakeProperties properties) {
        GoodsOpener opener = new GoodsOpener(properties.current(), properties.previous());
        log.info("uploads open with stock-intake key id={} (all held: {})", opener.keyId(), opener.keyIds());
        return opener;
    }
}
