package com.quickcart.order.stats;

import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.checkout.OrderTimeoutProperties;
import com.quickcart.order.operator.OperatorAccess;
import com.quickcart.order.operator.OperatorButtons.OperatorMenu;
import com.quickcart.order.stats.StatsButtons.Stats;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

import static com.quickcart.order.bot.Buttons.button;
import static com.quickcart.order.operator.Permission.FINANCE;

/** {@code /stats} (FINANCE permission): today, 7 days and 30 days, with low stock and stuck orders. */
@Component
public class StatsHandler implements Feature {

    static final int LOW_STOCK = 3;

    private final SalesFigures figures;
    private final OperatorAccess access;
    private final OrderTimeoutProperties timeouts;
    private final Replier replier;
    private final Texts texts;
    private final Clock clock = Clock.systemUTC();

    public StatsHandler(SalesFigures figures, OperatorAccess access, OrderTimeoutProperties timeouts, Replier replier, Texts texts) {
        this.figures = figures;
        this.access = access;
        this.timeouts = timeouts;
        this.replier = replier;
        this.texts = texts;
    }

    @Override
    public void routes(Routes routes) {
        routes.command("/stats", in -> access.<Stats>requires(FINANCE, this::show).accept(in, new Stats(1)))
                .button(Stats.class, access.requires(FINANCE, this::show));
    }

    private void show(Interaction in, Stats button) {
        Locale locale = in.locale();
        int days = button.days() == 7 || button.days() == 30 ? button.days() : 1;
        Instant now = clock.instant();
        SalesFigures.Period period = figures.period(now.minus(Duration.ofDays(days)));
        String statuses = period.ordersByStatus().isEmpty() ? "-" : period.ordersByStatus().entrySet().stream()
                .map(e -> texts.get(locale, "status." + e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
        String top = period.topProducts().isEmpty() ? "-" : String.join(", ", period.topProducts());
        String low = figures.lowStock(LOW_STOCK).stream().collect(Collectors.joining(", "));
        long stuck = figures.stuckSince(now.minus(timeouts.paymentTimeout()));
        String text = texts.get(locale, "stats.body", texts.get(locale, "stats.period." + days), statuses,
                Rupiah.format(period.gross()), Rupiah.format(period.fees()), Rupiah.format(period.net()),
                Rupiah.format(period.deposits()), Rupiah.format(figures.outstandingBalances()), top,
                low.isEmpty() ? "-" : low, Long.toString(stuck), Rupiah.format(period.refunds()));
        replier.show(in, new Screen(Texts.fitMessage(text), Buttons.keyboard()
                .row(button(texts.get(locale, "stats.period.1"), new Stats(1)), button(texts.get(locale, "stats.period.7"), new Stats(7)),
                        button(texts.get(locale, "stats.period.30"), new Stats(30)))
                .row(button(texts.get(locale, "nav.back"), new OperatorMenu())).build()));
    }
}
