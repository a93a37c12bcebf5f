package com.quickcart.order.catalog;

import com.quickcart.order.catalog.Catalog.Category;
import com.quickcart.order.catalog.Catalog.Page;
import com.quickcart.order.catalog.Catalog.Product;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue as others may browse it, as a customer sees it: categories and pages of products
 * (the broadcast audience picker). The tables behind it are the catalog's own (docs/adr/0026).
 */
public interface CatalogPages {

    List<Category> categories();

    Optional<Category> category(long id);

    Optional<Product> product(long id);

    Page page(Long categoryId, int page, int size);
}
