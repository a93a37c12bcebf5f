package com.quickcart.order.checkout;

import com.quickcart.common.events.payment.PaymentPending;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.order.bot.BotOutbox;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.checkout.CheckoutButtons.CancelOrder;
import com.quickcart.order.config.CheckoutPageProperties;
import com.quickcart.order.config.StoreProperties;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static com.quickcart.order.bot.Buttons.button;
import static com.quickcart.order.bot.Buttons.link;

/**
 * A pending QRIS payment as the customer sees it: Pakasir's total (fee included), the expiry in
 * the store's clock, and for an order a Cancel button; where a checkout page is configured (the
 * local run), a link to it comes first. The notifier only draws the code into the photo.
 */
@Component
public class QrisNotice {

    private final BotOutbox bot;
    private final Texts texts;
    private final CheckoutPageProperties checkoutPage;
    private final StoreProperties store;

    public QrisNotice(BotOutbox bot, Texts texts, CheckoutPageProperties checkoutPage, StoreProperties store) {
        this.bot = bot;
        this.texts = texts;
        this.checkoutPage = checkoutPage;
        this.store = store;
    }

    public void send(long chatId, Locale locale, PaymentPending pending) {
        bot.sendQrCode(chatId, pending.qrString(), "qris-" + pending.paymentId() + ".png", screen(locale, pending));
    }

    Screen screen(Locale locale, PaymentPending pending) {
        String expires = DateTimeFormatter.ofPattern("HH:mm z", locale).withZone(store.timezone()).format(pending.expiresAt());
        String caption = texts.get(locale, pending.purpose() == PaymentPurpose.DEPOSIT ? "qris.deposit" : "qris.order",
                pending.paymentId(), Rupiah.format(pending.totalPayment()), Rupiah.format(pending.amount()),
                Rupiah.format(pending.fee()), expires);
        Buttons keyboard = Buttons.keyboard();
        var page = checkoutPage.linkFor(pending.amount(), pending.paymentId());
        page.ifPresent(url -> keyboard.row(link(texts.get(locale, "qris.checkout"), url)));
        boolean order = pending.purpose() == PaymentPurpose.ORDER;
        if (order) {
            keyboard.row(button(texts.get(locale, "order.cancel"), new CancelOrder(pending.paymentId())));
        }
        // A deposit in production has no button at all, and then no keyboard either.
        return new Screen(caption, page.isPresent() || order ? keyboard.build() : null);
    }
}
