package com.quickcart.notifier.config;

import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.notifier.broadcast.BroadcastProgress;
import com.quickcart.notifier.broadcast.BroadcastSender;
import com.quickcart.notifier.broadcast.Broadcasts;
import com.quickcart.notifier.outbound.BotApiSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
public class BroadcastConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BroadcastConfiguration.class);

    @Bean
    BroadcastSender broadcastSender(Broadcasts broadcasts, BotApiSender sender, Outbox outbox, EventCodec codec, TransactionTemplate tx,
                                    BroadcastProperties properties, BroadcastProgress progress) {
        log.info("broadcasts go at {} a second across all instances (paid broadcast {}), {} calls in flight per instance",
                properties.perSecond(), properties.allowPaidBroadcast() ? "on" : "off", properties.inFlight());
        return new BroadcastSender(broadcasts, sender, outbox, codec, tx, properties, progress);
    }
}
