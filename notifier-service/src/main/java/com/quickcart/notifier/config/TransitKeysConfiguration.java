package com.quickcart.notifier.config;

import com.quickcart.common.goods.GoodsOpener;
import com.quickcart.common.goods.GoodsSealer;
import com.quickcart.common.goods.SealedChannel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two keys the notifier holds for what travels sealed: its own goods-transit private keys,
 * which open the goods it sends to customers, and delivery-service's stock-intake public key, so
 * a document an operator uploads leaves here readable only by the inventory (docs/adr/0013, 0022).
 */
@Configuration(proxyBeanMethods = false)
public class TransitKeysConfiguration {

    @Bean
    GoodsOpener goodsOpener(@Value("${quickcart.goods-transit.private-key:}") String privateKey,
                            @Value("${quickcart.goods-transit.previous-private-keys:}") String previousPrivateKeys) {
        return SealedChannel.GOODS_TRANSIT.opener(privateKey, previousPrivateKeys);
    }

    @Bean
    GoodsSealer stockIntakeSealer(@Value("${quickcart.stock-intake.public-key:}") String publicKey) {
        return SealedChannel.STOCK_INTAKE.sealer(publicKey);
    }
}
