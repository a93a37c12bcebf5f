package com.quickcart.order.stats;

import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.checkout.OrderTimeoutProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/** The figures of the last {@code days} as one text, the same in {@code /stats} and the daily summary. */
@Component
public class StatsReport {

    static final int LOW_STOCK = 3;

    private final SalesFigures figures;
    private final OrderTimeoutProperties timeouts;
    private final Texts texts;

    public StatsReport(SalesFigures figures, OrderTimeoutProperties timeouts, Texts texts) {
        this.figures = figures;
        this.timeouts = timeouts;
        this.texts = texts;
    }

    public String render(Locale locale, int days, Instant now) {
        SalesFigures.Period period = figures.period(now.minus(Duration.ofDays(days)));
        String statuses = period.ordersByStatus().isEmpty() ? "-" : period.ordersByStatus().entrySet().stream()
                .map(e -> texts.get(locale, "status." + e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
        String top = period.topProducts().isEmpty() ? "-" : String.join(", ", period.topProducts());
        String low = String.join(", ", figures.lowStock(LOW_STOCK));
        long stuck = figures.stuckSince(now.minus(timeouts.paymentTimeout()));
        return Texts.fitMessage(texts.get(locale, "stats.body", texts.get(locale, "stats.period." + days), statuses,
                Rupiah.format(period.gross()), Rupiah.format(period.fees()), Rupiah.format(period.net()),
                Rupiah.format(period.deposits()), Rupiah.format(figures.outstandingBalances()), top,
                low.isEmpty() ? "-" : low, Long.toString(stuck), Rupiah.format(period.refunds())));
    }
}
