package com.quickcart.delivery.inventory;

import com.quickcart.delivery.fulfilment.Fulfilment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Goods an operator loads from a file, one item a line, for one product: checked, encrypted with
 * the current inventory key, stored, and announced as the product's new stock level, all in one
 * transaction. Error messages name line numbers only: an item is a secret and never printed.
 */
@Component
public class GoodsImport {

    /** Far above any licence key or account line; a longer line is a wrong file. */
    static final int MAX_ITEM_LENGTH = 4000;

    private final Inventory inventory;
    private final Fulfilment fulfilment;
    private final TransactionTemplate tx;

    public GoodsImport(Inventory inventory, Fulfilment fulfilment, TransactionTemplate tx) {
        this.inventory = inventory;
        this.fulfilment = fulfilment;
        this.tx = tx;
    }

    /** Loads every non-blank line as an item; returns the product's stock afterwards. */
    public int load(long productId, List<String> lines) {
        List<String> items = checked(productId, lines);
        Integer available = tx.execute(status -> {
            inventory.add(productId, items);
            fulfilment.publishStockLevel(productId);
            return inventory.available(productId);
        });
        return available == null ? 0 : available;
    }

    static List<String> checked(long productId, List<String> lines) {
        if (productId <= 0) {
            throw new IllegalArgumentException("the product id must be a positive number, was " + productId);
        }
        List<String> items = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String item = lines.get(i).strip();
            if (item.isEmpty()) {
                continue;
            }
            if (item.length() > MAX_ITEM_LENGTH) {
                throw new IllegalArgumentException("line " + (i + 1) + " is longer than " + MAX_ITEM_LENGTH + " characters");
            }
            Integer earlier = firstLine.putIfAbsent(item, i + 1);
            if (earlier != null) {
                throw new IllegalArgumentException("line " + (i + 1) + " repeats line " + earlier + ": the same item would be sold twice");
            }
            items.add(item);
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no items: the file has no non-blank line");
        }
        return items;
    }
}
