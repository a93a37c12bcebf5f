package com.quickcart.order.catalog;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** The operator's catalogue: categories and products, created, renamed, repriced, hidden. */
public final class CatalogAdminButtons {

    @ButtonData("ac")
    public record AdminCategories() implements Button {
    }

    @ButtonData("ac:newc")
    public record NewCategory() implements Button {
    }

    @ButtonData("ac:c:{categoryId}")
    public record AdminCategory(long categoryId) implements Button {
    }

    @ButtonData("ac:ren:{categoryId}")
    public record RenameCategory(long categoryId) implements Button {
    }

    @ButtonData("ac:hidec:{categoryId}")
    public record ToggleCategory(long categoryId) implements Button {
    }

    @ButtonData("ac:newp:{categoryId}")
    public record NewProduct(long categoryId) implements Button {
    }

    @ButtonData("ac:p:{productId}")
    public record AdminProduct(long productId) implements Button {
    }

    @ButtonData("ac:price:{productId}")
    public record EditPrice(long productId) implements Button {
    }

    @ButtonData("ac:hidep:{productId}")
    public record ToggleProduct(long productId) implements Button {
    }

    private CatalogAdminButtons() {
    }
}
