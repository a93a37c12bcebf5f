package com.quickcart.delivery.inventory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, before anything else touches the inventory: rows without a hash under the current
 * INVENTORY_KEY (written before hashes existed, or before a key rotation) get one, so the unique
 * index keeps refusing repeats of them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HashBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HashBackfill.class);

    private final Inventory inventory;
    private final TransactionTemplate tx;

    HashBackfill(Inventory inventory, TransactionTemplate tx) {
        this.inventory = inventory;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer rows = tx.execute(status -> inventory.rehash());
        if (rows != null && rows > 0) {
            log.info("inventory items hashed under the current key rows={}", rows);
        }
    }
}
