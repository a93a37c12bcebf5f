package com.quickcart.order.checkout;

import com.quickcart.order.bot.Buttons;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.order.catalog.CatalogButtons.ShowProduct;
import com.quickcart.order.checkout.CheckoutButtons.AskVoucher;
import com.quickcart.order.checkout.CheckoutButtons.CancelOrder;
import com.quickcart.order.checkout.CheckoutButtons.Pay;
import com.quickcart.order.checkout.CheckoutButtons.Summary;
import com.quickcart.order.history.HistoryButtons.OrderHistory;
import com.quickcart.order.menu.MenuButtons.MainMenu;
import com.quickcart.order.bot.button.Noop;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.catalog.Catalog.Product;
import com.quickcart.order.checkout.Orders.Order;
import org.springframework.stereotype.Component;

import java.util.Locale;

import static com.quickcart.order.bot.Buttons.button;

/**
 * The checkout summary and the messages of the saga; their buttons are {@link CheckoutButtons}.
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
        String code = voucher == null ? null : voucher.code();
        Buttons keyboard = Buttons.keyboard()
                .row(button(texts.get(locale, "checkout.pay.qris"), new Pay(PaymentMethod.QRIS, product.id(), quantity, code)));
        if (balance >= total) {
            keyboard.row(button(texts.get(locale, "checkout.pay.balance", Rupiah.format(balance)), new Pay(PaymentMethod.BALANCE, product.id(), quantity, code)));
        } else {
            // Shown, but disabled: it says why instead of doing anything.
            keyboard.row(button(texts.get(locale, "checkout.pay.balance.short", Rupiah.format(total - balance)), new Noop()));
        }
        keyboard.row(button(texts.get(locale, "checkout.voucher.enter"), new AskVoucher(product.id(), quantity)))
                .row(button(texts.get(locale, "nav.back"), new ShowProduct(product.id(), quantity)),
                        button(texts.get(locale, "nav.menu"), new MainMenu()));
        return new Screen(text.toString(), keyboard.build());
    }

    public Screen voucherPrompt(Locale locale, long productId, int quantity, String reasonKey, long minimum) {
        String prompt = texts.get(locale, "checkout.voucher.prompt");
        String text = reasonKey == null ? prompt : texts.get(locale, reasonKey, Rupiah.format(minimum)) + "\n\n" + prompt;
        return new Screen(text, Buttons.keyboard()
                .row(button(texts.get(locale, "nav.cancel"), new Summary(productId, quantity, null))).build());
    }

    public Screen placed(Locale locale, Order order) {
        return new Screen(texts.get(locale, "order.placed", order.id(), Rupiah.format(order.total())), Buttons.keyboard()
                .row(button(texts.get(locale, "order.cancel"), new CancelOrder(order.id()))).build());
    }

    public Screen message(Locale locale, String key, Object... args) {
        return new Screen(texts.get(locale, key, args), Buttons.keyboard()
                .row(button(texts.get(locale, "history.orders"), new OrderHistory(0)), button(texts.get(locale, "nav.menu"), new MainMenu())).build());
    }

    public Screen paymentFailed(Locale locale, Order order, String reason) {
        String key = "INSUFFICIENT_BALANCE".equals(reason) ? "order.failed.balance" : "order.failed.gateway";
        return new Screen(texts.get(locale, key, order.id()), Buttons.keyboard()
                .row(button(texts.get(locale, "order.retry"), new Summary(order.productId(), order.quantity(), null)))
                .row(button(texts.get(locale, "nav.menu"), new MainMenu())).build());
    }
}
