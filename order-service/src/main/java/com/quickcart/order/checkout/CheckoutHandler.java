package com.quickcart.order.checkout;

import com.quickcart.common.events.Topics;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.checkout.CheckoutButtons.AskVoucher;
import com.quickcart.order.checkout.CheckoutButtons.CancelOrder;
import com.quickcart.order.checkout.CheckoutButtons.Pay;
import com.quickcart.order.checkout.CheckoutButtons.Summary;
import com.quickcart.common.events.order.OrderPlaced;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.account.UserAccounts.UserProfile;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.catalog.Catalog.Product;
import com.quickcart.order.catalog.CatalogHandler;
import com.quickcart.order.catalog.Products;
import com.quickcart.order.session.Session.Awaiting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * From "Buy" to a placed order: the summary (re-priced from today's catalogue, never from the
 * button), vouchers, the choice of payment, and cancelling an unpaid order.
 */
@Component
public class CheckoutHandler implements Feature {

    private static final Logger log = LoggerFactory.getLogger(CheckoutHandler.class);

    private final Products catalog;
    private final CatalogHandler catalogHandler;
    private final Vouchers vouchers;
    private final Orders orders;
    private final UserAccounts users;
    private final CheckoutScreens screens;
    private final Replier replier;
    private final Texts texts;
    private final Outbox outbox;
    private final EventCodec codec;
    private final OrderSaga saga;

    public CheckoutHandler(Products catalog, CatalogHandler catalogHandler, Vouchers vouchers, Orders orders,
                           UserAccounts users, CheckoutScreens screens, Replier replier, Texts texts, Outbox outbox,
                           EventCodec codec, OrderSaga saga) {
        this.catalog = catalog;
        this.catalogHandler = catalogHandler;
        this.vouchers = vouchers;
        this.orders = orders;
        this.users = users;
        this.screens = screens;
        this.replier = replier;
        this.texts = texts;
        this.outbox = outbox;
        this.codec = codec;
        this.saga = saga;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(Summary.class, this::summary)
                .button(AskVoucher.class, this::askVoucher)
                .button(Pay.class, this::pay)
                .button(CancelOrder.class, this::cancel)
                .text(Awaiting.VOUCHER, this::voucherTyped);
    }

    /** The summary, re-checked against today's stock and prices. */
    public void summary(Interaction in, Summary button) {
        Optional<Product> product = available(in, button.productId(), button.quantity());
        if (product.isEmpty()) {
            return;
        }
        showSummary(in, product.get(), button.quantity(), button.voucher());
    }

    /** Ask for a voucher code. */
    public void askVoucher(Interaction in, AskVoucher button) {
        long productId = button.productId();
        int quantity = button.quantity();
        in.replaceSession(in.session().awaiting(Awaiting.VOUCHER).with("product", Long.toString(productId))
                .with("quantity", Integer.toString(quantity)));
        replier.show(in, screens.voucherPrompt(in.locale(), productId, quantity, null, 0));
    }

    /** The typed voucher code: the summary with the discount, or the exact reason it does not apply. */
    public void voucherTyped(Interaction in, String code) {
        long productId = Long.parseLong(in.session().get("product"));
        int quantity = Integer.parseInt(in.session().get("quantity"));
        Optional<Product> product = available(in, productId, quantity);
        if (product.isEmpty()) {
            return;
        }
        long subtotal = unitPrice(in, product.get()) * quantity;
        Vouchers.Check check = vouchers.check(code, in.userId(), subtotal, Instant.now());
        if (!check.applies()) {
            replier.show(in, screens.voucherPrompt(in.locale(), productId, quantity, check.reasonKey(), check.minimum()));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        showSummary(in, product.get(), quantity, check.code());
    }

    /** Places the order; the saga takes it from here. */
    public void pay(Interaction in, Pay button) {
        PaymentMethod method = button.method();
        int quantity = button.quantity();
        Optional<Product> found = available(in, button.productId(), quantity);
        if (found.isEmpty()) {
            return;
        }
        Product product = found.get();
        long unit = unitPrice(in, product);
        Vouchers.Check voucher = null;
        if (button.voucher() != null) {
            voucher = vouchers.check(button.voucher(), in.userId(), unit * quantity, Instant.now());
            if (!voucher.applies()) {
                replier.toast(in, texts.get(in.locale(), voucher.reasonKey(), ""));
                showSummary(in, product, quantity, null);
                return;
            }
        }
        String orderId = OrderIds.next("QC");
        long discount = voucher == null ? 0 : voucher.discount();
        if (voucher != null && !vouchers.redeem(voucher.code(), in.userId(), orderId)) {
            replier.toast(in, texts.get(in.locale(), "voucher.usedup"));
            showSummary(in, product, quantity, null);
            return;
        }
        OrderPlaced placed = new OrderPlaced(orderId, in.userId(), product.id(),
                product.name(), quantity, unit, discount, voucher == null ? null : voucher.code(),
                unit * quantity - discount, method);
        orders.insert(placed, in.chatId(), in.locale().getLanguage());
        outbox.append(Topics.ORDER_EVENTS, codec.wrap(orderId, placed));
        log.info("order placed order_id={} method={} total={}", orderId, method, placed.total());
        replier.show(in, screens.placed(in.locale(), orders.find(orderId).orElseThrow()));
    }

    /** Cancel: only the owner; a request once a payment was asked for (see {@link OrderSaga#cancelByCustomer}). */
    public void cancel(Interaction in, CancelOrder button) {
        Optional<String> outcome = orders.find(button.orderId()).filter(o -> o.userId() == in.userId())
                .flatMap(saga::cancelByCustomer);
        if (outcome.isEmpty()) {
            replier.toast(in, texts.get(in.locale(), "order.cancel.toolate"));
            return;
        }
        replier.show(in, screens.message(in.locale(), outcome.get(), button.orderId()));
    }

    private void showSummary(Interaction in, Product product, int quantity, String voucherCode) {
        long unit = unitPrice(in, product);
        Vouchers.Check voucher = voucherCode == null ? null
                : vouchers.check(voucherCode, in.userId(), unit * quantity, Instant.now());
        if (voucher != null && !voucher.applies()) {
            voucher = null;
        }
        long balance = users.find(in.userId()).map(UserProfile::balance).orElse(0L);
        replier.show(in, screens.summary(in.locale(), product, quantity, unit, voucher, balance));
    }

    /** The product if it can still be bought in that quantity; otherwise the user is told and shown it. */
    private Optional<Product> available(Interaction in, long productId, long quantity) {
        Optional<Product> product = catalog.product(productId);
        if (product.isEmpty() || product.get().available() == 0 || quantity < 1 || quantity > product.get().available()) {
            catalogHandler.explainUnavailable(in, product, quantity);
            return Optional.empty();
        }
        return product;
    }

    private long unitPrice(Interaction in, Product product) {
        return product.priceFor(users.find(in.userId()).map(UserProfile::role).orElse(UserProfile.Role.CUSTOMER)
                == UserProfile.Role.RESELLER);
    }
}
