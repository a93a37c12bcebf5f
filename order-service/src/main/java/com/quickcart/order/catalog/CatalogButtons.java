package com.quickcart.order.catalog;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** Browsing: categories, product lists and one product with a chosen quantity. */
public final class CatalogButtons {

    @ButtonData("cats")
    public record Categories() implements Button {
    }

    @ButtonData("c:{categoryId}:{page}")
    public record Category(long categoryId, int page) implements Button {
    }

    @ButtonData("all:{page}")
    public record AllProducts(int page) implements Button {
    }

    @ButtonData("best")
    public record BestSellers() implements Button {
    }

    @ButtonData("p:{productId}:q:{quantity}")
    public record ShowProduct(long productId, int quantity) implements Button {
    }

    private CatalogButtons() {
    }
}
