package com.quickcart.order.history;

import com.quickcart.common.events.Topics;
import com.quickcart.order.account.WalletStatement;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Routes;
import com.quickcart.common.events.delivery.ResendGoods;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.checkout.CheckoutButtons.CancelOrder;
import com.quickcart.order.history.HistoryButtons.OrderDetail;
import com.quickcart.order.history.HistoryButtons.OrderHistory;
import com.quickcart.order.history.HistoryButtons.Resend;
import com.quickcart.order.history.HistoryButtons.Transactions;
import com.quickcart.order.menu.MenuButtons.MainMenu;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.checkout.OrderStatus;
import com.quickcart.order.checkout.CustomerOrders;
import com.quickcart.order.checkout.Orders.Order;
import com.quickcart.order.config.StoreProperties;
import com.quickcart.order.refund.RefundButtons.EstimateFor;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.quickcart.order.bot.Buttons.button;

/** Order history (with re-send of goods) and wallet transactions; their buttons are {@link HistoryButtons}. */
@Component
public class HistoryHandler implements Feature {

    private static final int PAGE = 5;
    private final DateTimeFormatter when;

    private final CustomerOrders orders;
    private final WalletStatement wallet;
    private final Replier replier;
    private final Texts texts;
    private final Outbox outbox;
    private final EventCodec codec;

    public HistoryHandler(CustomerOrders orders, WalletStatement wallet, Replier replier, Texts texts, Outbox outbox, EventCodec codec,
                          StoreProperties store) {
        this.when = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm").withZone(store.timezone());
        this.orders = orders;
        this.wallet = wallet;
        this.replier = replier;
        this.texts = texts;
        this.outbox = outbox;
        this.codec = codec;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(OrderHistory.class, this::orders)
                .button(OrderDetail.class, this::order)
                .button(Resend.class, this::resend)
                .button(Transactions.class, this::transactions);
    }

    public void orders(Interaction in, OrderHistory button) {
        Locale locale = in.locale();
        long total = orders.count(in.userId());
        int pages = (int) Math.max(1, (total + PAGE - 1) / PAGE);
        int page = Math.clamp(button.page(), 0, pages - 1);
        StringBuilder text = new StringBuilder(texts.get(locale, "history.orders.title")).append("\n\n");
        Buttons keyboard = Buttons.keyboard();
        List<Order> list = orders.page(in.userId(), page, PAGE);
        if (list.isEmpty()) {
            text.append(texts.get(locale, "history.orders.none"));
        }
        for (Order order : list) {
            text.append(line(locale, order)).append('\n');
            keyboard.row(button(order.id() + " · " + texts.get(locale, "status." + order.status()), new OrderDetail(order.id())));
        }
        keyboard.row(Buttons.pager(page, pages, OrderHistory::new));
        keyboard.row(button(texts.get(locale, "history.transactions"), new Transactions(0)), button(texts.get(locale, "nav.menu"), new MainMenu()));
        replier.show(in, new Screen(text.toString().strip(), keyboard.build()));
    }

    public void order(Interaction in, OrderDetail button) {
        Locale locale = in.locale();
        Optional<Order> found = orders.find(button.orderId()).filter(o -> o.userId() == in.userId());
        if (found.isEmpty()) {
            replier.staleButton(in);
            orders(in, new OrderHistory(0));
            return;
        }
        Order order = found.get();
        String unknown = texts.get(locale, "bill.unknown");
        String text = texts.get(locale, "history.order", order.id(), order.productName(), order.quantity(),
                Rupiah.format(order.unitPrice()), Rupiah.format(order.subtotal()), Rupiah.format(order.discount()),
                Rupiah.format(order.total()), order.paymentFee() == null ? unknown : Rupiah.format(order.paymentFee()),
                order.totalBill() == null ? unknown : Rupiah.format(order.totalBill()),
                texts.get(locale, "method." + order.paymentMethod()), texts.get(locale, "status." + order.status()),
                when.format(order.createdAt()));
        Buttons keyboard = Buttons.keyboard();
        if (order.status() == OrderStatus.COMPLETED) {
            keyboard.row(button(texts.get(locale, "history.resend"), new Resend(order.id())));
        }
        if (order.cancellable()) {
            keyboard.row(button(texts.get(locale, "order.cancel"), new CancelOrder(order.id())));
        }
        if (order.refundable()) {
            keyboard.row(button(texts.get(locale, "history.refund.estimate"), new EstimateFor(order.id())));
        }
        keyboard.row(button(texts.get(locale, "nav.back"), new OrderHistory(0)), button(texts.get(locale, "nav.menu"), new MainMenu()));
        replier.show(in, new Screen(text, keyboard.build()));
    }

    public void resend(Interaction in, Resend button) {
        Optional<Order> order = orders.find(button.orderId())
                .filter(o -> o.userId() == in.userId() && o.status() == OrderStatus.COMPLETED);
        if (order.isEmpty()) {
            replier.staleButton(in);
            return;
        }
        outbox.append(Topics.DELIVERY_COMMANDS, codec.wrap(order.get().id(), new ResendGoods(order.get().id())));
        replier.toast(in, texts.get(in.locale(), "history.resent"));
    }

    public void transactions(Interaction in, Transactions button) {
        Locale locale = in.locale();
        long total = wallet.count(in.userId());
        int pages = (int) Math.max(1, (total + PAGE - 1) / PAGE);
        int page = Math.clamp(button.page(), 0, pages - 1);
        List<String> lines = wallet.page(in.userId(), page, PAGE).stream()
                .map(entry -> texts.get(locale, "history.transaction", when.format(entry.at()), texts.get(locale, "entry." + entry.type()),
                        (entry.delta() > 0 ? "+" : "−") + Rupiah.format(Math.abs(entry.delta())),
                        Rupiah.format(entry.balance()), entry.reference()))
                .toList();
        String text = texts.get(locale, "history.transactions.title") + "\n\n"
                + (lines.isEmpty() ? texts.get(locale, "history.transactions.none") : String.join("\n", lines));
        Buttons keyboard = Buttons.keyboard().row(Buttons.pager(page, pages, Transactions::new))
                .row(button(texts.get(locale, "history.orders"), new OrderHistory(0)), button(texts.get(locale, "nav.menu"), new MainMenu()));
        replier.show(in, new Screen(text, keyboard.build()));
    }

    private String line(Locale locale, Order order) {
        // The bill once the payment fixed it (QRIS adds Pakasir's fee), the order total before that.
        long shown = order.totalBill() == null ? order.total() : order.totalBill();
        return texts.get(locale, "history.orders.line", order.id(), order.productName(), order.quantity(),
                Rupiah.format(shown), texts.get(locale, "status." + order.status()));
    }
}
