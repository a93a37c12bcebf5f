package com.quickcart.order.checkout;

import com.quickcart.order.bot.button.Button;
import com.quickcart.order.bot.button.ButtonData;

/** The operator's vouchers: list with usage, create, disable. */
public final class VoucherAdminButtons {

    @ButtonData("av")
    public record VoucherList() implements Button {
    }

    @ButtonData("av:new")
    public record NewVoucher() implements Button {
    }

    @ButtonData("av:off:{code}")
    public record DisableVoucher(String code) implements Button {
    }

    private VoucherAdminButtons() {
    }
}
