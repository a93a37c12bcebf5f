package com.quickcart.delivery.inventory;

import com.quickcart.delivery.fulfilment.Fulfilment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The local run's goods for the demo catalogue (products 1 to 11, five items each), loaded once
 * into an empty inventory. Only with the "local" profile: production never loads it.
 */
@Component
@Profile("local")
// Not when the service runs only to load an operator's goods (GoodsImportCommand) into an empty inventory.
@ConditionalOnProperty(name = "quickcart.inventory.import-file", havingValue = "false", matchIfMissing = true)
public class DemoInventory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInventory.class);
    private static final int PRODUCTS = 11;
    private static final int ITEMS_EACH = 5;

    private final Inventory inventory;
    private final Fulfilment fulfilment;
    private final TransactionTemplate tx;
    /** False for a local store that starts empty (up.sh --empty). */
    private final boolean demoData;

    public DemoInventory(Inventory inventory, Fulfilment fulfilment, TransactionTemplate tx,
                         @Value("${quickcart.inventory.demo-data:true}") boolean demoData) {
        this.demoData = demoData;
        this.inventory = inventory;
        this.fulfilment = fulfilment;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData) {
            log.info("no demo inventory: quickcart.inventory.demo-data is false (up.sh --empty)");
            return;
        }
        tx.executeWithoutResult(status -> {
            if (!inventory.isEmpty()) {
                return;
            }
            for (long product = 1; product <= PRODUCTS; product++) {
                List<String> items = new ArrayList<>();
                for (int n = 1; n <= ITEMS_EACH; n++) {
                    items.add("DEMO-%02d-%04d-%s".formatted(product, n, Long.toHexString(Double.doubleToLongBits(Math.random())).toUpperCase()));
                }
                inventory.add(product, items);
                fulfilment.publishStockLevel(product);
            }
            log.info("demo inventory loaded: {} products x {} items", PRODUCTS, ITEMS_EACH);
        });
    }
}
