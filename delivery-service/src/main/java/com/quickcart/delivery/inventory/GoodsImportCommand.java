package com.quickcart.delivery.inventory;

import com.quickcart.common.messaging.outbox.OutboxRelay;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * delivery-service run as a one-off command that loads goods, then exits (deploy/load-goods.sh):
 * {@code --quickcart.inventory.import-product=7 --quickcart.inventory.import-file=goods.txt}.
 * It publishes the stock-level event it appended before it exits, so the bot shows the new stock
 * even when no delivery-service instance is running.
 */
@Component
@ConditionalOnProperty("quickcart.inventory.import-file")
public class GoodsImportCommand implements ApplicationRunner {

    private final GoodsImport goods;
    private final OutboxRelay relay;
    private final ConfigurableApplicationContext context;

    public GoodsImportCommand(GoodsImport goods, OutboxRelay relay, ConfigurableApplicationContext context) {
        this.goods = goods;
        this.relay = relay;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        long product = context.getEnvironment().getRequiredProperty("quickcart.inventory.import-product", Long.class);
        Path file = Path.of(context.getEnvironment().getRequiredProperty("quickcart.inventory.import-file"));
        int exit = 0;
        try {
            int available = goods.load(product, Files.readAllLines(file, StandardCharsets.UTF_8));
            System.out.println("loaded the goods of " + file + " for product " + product + "; in stock now: " + available);
            announce();
        } catch (IllegalArgumentException e) {
            System.err.println("nothing loaded from " + file + ": " + e.getMessage());
            exit = 2;
        }
        int code = exit;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    private void announce() {
        try {
            while (relay.publishBatch() > 0) {
                // until this run's outbox rows are on Kafka (a running instance's relay may take some)
            }
        } catch (RuntimeException e) {
            System.err.println("the new stock level is not announced yet (" + e.getMessage()
                    + "); delivery-service announces it once it reaches Kafka");
        }
    }
}
