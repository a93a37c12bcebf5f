package com.quickcart.order.stock;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** The operator's stock: counts per product, uploads, withdrawals, low-stock alert levels. */
public final class StockButtons {

    @ButtonData("skl:{page}")
    public record StockProducts(int page) implements Button {
    }

    @ButtonData("sk:p:{productId}")
    public record StockProduct(long productId) implements Button {
    }

    @ButtonData("sk:up:{productId}")
    public record UploadGoods(long productId) implements Button {
    }

    @ButtonData("sk:wd:{productId}")
    public record WithdrawGoods(long productId) implements Button {
    }

    @ButtonData("sk:al:{productId}")
    public record LowStockLevel(long productId) implements Button {
    }

    private StockButtons() {
    }
}
