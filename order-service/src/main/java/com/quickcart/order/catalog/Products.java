package com.quickcart.order.catalog;

import com.quickcart.order.catalog.Catalog.Product;

import java.util.Optional;

/**
 * What the catalog lets checkout do with its products: look one up as a customer may buy it, and
 * count a sale into the best sellers. The tables behind it are the catalog's own (docs/adr/0026).
 */
public interface Products {

    /** The product while it is on sale, with its displayed stock. */
    Optional<Product> product(long id);

    /** A completed order's units join the product's sales count, which ranks the best sellers. */
    void sold(long productId, int quantity);
}
