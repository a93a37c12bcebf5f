package com.quickcart.ingress.config;

import com.quickcart.common.goods.GoodsSealer;
import com.quickcart.common.goods.SealedChannel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * order-service's update-transit public key: the text people type leaves ingress only sealed for
 * it, and ingress cannot open what it sealed (docs/adr/0022).
 */
@Configuration(proxyBeanMethods = false)
public class TransitKeysConfiguration {

    @Bean
    GoodsSealer updateTransitSealer(@Value("${quickcart.update-transit.public-key:}") String publicKey) {
        return SealedChannel.UPDATE_TRANSIT.sealer(publicKey);
    }
}
