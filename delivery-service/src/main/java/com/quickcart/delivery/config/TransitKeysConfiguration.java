package com.quickcart.delivery.config;

import com.quickcart.common.goods.GoodsOpener;
import com.quickcart.common.goods.GoodsSealer;
import com.quickcart.common.goods.SealedChannel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two keys delivery-service holds for what travels sealed: the notifier's public key, so goods
 * leave the inventory readable only there (it cannot read back what it publishes), and its own
 * stock-intake private keys, which open the goods operators upload (docs/adr/0013, 0022).
 */
@Configuration(proxyBeanMethods = false)
public class TransitKeysConfiguration {

    @Bean
    GoodsSealer goodsSealer(@Value("${quickcart.goods-transit.public-key:}") String publicKey) {
        return SealedChannel.GOODS_TRANSIT.sealer(publicKey);
    }

    @Bean
    GoodsOpener stockIntakeOpener(@Value("${quickcart.stock-intake.private-key:}") String privateKey,
                                  @Value("${quickcart.stock-intake.previous-private-keys:}") String previousPrivateKeys) {
        return SealedChannel.STOCK_INTAKE.opener(privateKey, previousPrivateKeys);
    }
}
