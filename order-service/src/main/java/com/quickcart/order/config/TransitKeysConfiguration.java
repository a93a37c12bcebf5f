package com.quickcart.order.config;

import com.quickcart.common.goods.GoodsOpener;
import com.quickcart.common.goods.GoodsSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two keys order-service holds for what travels sealed (docs/adr/0022); their ids are logged to match the other side's. */
@Configuration(proxyBeanMethods = false)
public class TransitKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TransitKeysConfiguration.class);

    /** Opens the text ingress sealed on telegram.updates. */
    @Bean
    GoodsOpener updateTransitOpener(UpdateTransitProperties properties) {
        GoodsOpener opener = new GoodsOpener(properties.current(), properties.previous());
        log.info("typed text opens with update-transit key id={} (all held: {})", opener.keyId(), opener.keyIds());
        return opener;
    }

    /** Seals an operator's pasted goods for delivery-service. */
    @Bean
    GoodsSealer stockIntakeSealer(StockIntakeProperties properties) {
        GoodsSealer sealer = new GoodsSealer(properties.key());
        log.info("uploads leave sealed for stock-intake key id={}", sealer.keyId());
        return sealer;
    }
}
