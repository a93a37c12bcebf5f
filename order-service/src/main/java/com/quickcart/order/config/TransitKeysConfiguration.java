package com.quickcart.order.config;

import com.quickcart.common.goods.GoodsOpener;
import com.quickcart.common.goods.GoodsSealer;
import com.quickcart.common.goods.SealedChannel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two keys order-service holds for what travels sealed: its own update-transit private keys,
 * which open the text ingress sealed on telegram.updates, and delivery-service's stock-intake
 * public key, so goods an operator pastes leave here readable only by the inventory (docs/adr/0022).
 */
@Configuration(proxyBeanMethods = false)
public class TransitKeysConfiguration {

    @Bean
    GoodsOpener updateTransitOpener(@Value("${quickcart.update-transit.private-key:}") String privateKey,
                                    @Value("${quickcart.update-transit.previous-private-keys:}") String previousPrivateKeys) {
        return SealedChannel.UPDATE_TRANSIT.opener(privateKey, previousPrivateKeys);
    }

    @Bean
    GoodsSealer stockIntakeSealer(@Value("${quickcart.stock-intake.public-key:}") String publicKey) {
        return SealedChannel.STOCK_INTAKE.sealer(publicKey);
    }
}
