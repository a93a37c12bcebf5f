package com.quickcart.order.checkout;

import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.catalog.Catalog.Product;
import com.quickcart.order.checkout.Orders.Order;
import org.springframework.stereotype.Component;

import java.util.Locale;

import static com.quickcart.order.bot.Buttons.button;

/**
 * The checkout summary and the messages of the saga. Button data: vch:<pid>:<qty>,
 * pay:<q|b>:<pid>:<qty>[:<voucher>], cancel:<orderId>, o:<orderId>.
 */
@Component
public class CheckoutScreens {

    private final Texts texts;

    public CheckoutScreens(Texts texts) {
        this.texts = texts;
    }

    public Screen summary(Locale locale, Product product, int quantity, long unitPrice, Vouchers.Check voucher, long balance) {
        long subtotal = unitPrice * quantity;
        long discount = voucher == null ? 0 : voucher.discount();
        long total = subtotal - discount;
        StringBuilder text = new StringBuilder(texts.get(locale, "checkout.summary", product.name(), quantity,
                Rupiah.format(unitPrice), Rupiah.format(subtotal), Rupiah.format(total)));
        if (voucher != null) {
            text.append('\n').append(texts.get(locale, "checkout.voucher", voucher.code(), Rupiah.format(discount)));
        }
        text.append("\n\n").append(texts.get(locale, "checkout.fee"));
        String suffix = product.id() + ":" + quantity + (voucher == null ? "" : ":" + voucher.code());
        Buttons keyboard = Buttons.keyboard()
                .row(button(texts.get(locale, "checkout.pay.qris"), "pay:q:" + suffix));
        if (balance >= total) {
            keyboard.row(button(texts.get(locale, "checkout.pay.balance", Rupiah.format(balance)), "pay:b:" + suffix));
        } else {
            // Shown, but disabled: it says why instead of doing anything.
            keyboard.row(button(texts.get(locale, "checkout.pay.balance.short", Rupiah.format(total - balance)), "noop"));
        }
        keyboard.row(button(texts.get(locale, "checkout.voucher.enter"), "vch:" + product.id() + ":" + quantity))
                .row(button(texts.get(locale, "nav.back"), "p:" + product.id() + ":q:" + quantity),
                        button(texts.get(locale, "nav.menu"), "m"));
        return new Screen(text.toString(), keyboard.build());
    }

    public Screen voucherPrompt(Locale locale, long productId, int quantity, String reasonKey, long minimum) {
        String prompt = texts.get(locale, "checkout.voucher.prompt");
        String text = reasonKey == null ? prompt : texts.get(locale, reasonKey, Rupiah.format(minimum)) + "\n\n" + prompt;
        return new Screen(text, Buttons.keyboard()
                .row(button(texts.get(locale, "nav.cancel"), "buy:" + productId + ":" + quantity)).build());
    }

    public Screen placed(Locale locale, Order order) {
        return new Screen(texts.get(locale, "order.placed", order.id(), Rupiah.format(order.total())), Buttons.keyboard()
                .row(button(texts.get(locale, "order.cancel"), "cancel:" + order.id())).build());
    }

    public Screen message(Locale locale, String key, Object... args) {
        return new Screen(texts.get(locale, key, args), Buttons.keyboard()
                .row(button(texts.get(locale, "history.orders"), "ho:0"), button(texts.get(locale, "nav.menu"), "m")).build());
    }

    public Screen paymentFailed(Locale locale, Order order, String reason) {
        String key = "INSUFFICIENT_BALANCE".equals(reason) ? "order.failed.balance" : "order.failed.gateway";
        return new Screen(texts.get(locale, key, order.id()), Buttons.keyboard()
                .row(button(texts.get(locale, "order.retry"), "buy:" + order.productId() + ":" + order.quantity()))
                .row(button(texts.get(locale, "nav.menu"), "m")).build());
    }
}
