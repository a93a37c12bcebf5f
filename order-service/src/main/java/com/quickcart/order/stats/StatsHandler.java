package com.quickcart.order.stats;

import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.operator.OperatorAccess;
import com.quickcart.order.operator.OperatorButtons.OperatorMenu;
import com.quickcart.order.stats.StatsButtons.Stats;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Locale;

import static com.quickcart.order.bot.Buttons.button;
import static com.quickcart.order.operator.Permission.FINANCE;

/** {@code /stats} (FINANCE permission): today, 7 days and 30 days, with low stock and stuck orders. */
@Component
public class StatsHandler implements Feature {

    private final StatsReport report;
    private final OperatorAccess access;
    private final Replier replier;
    private final Texts texts;
    private final Clock clock = Clock.systemUTC();

    public StatsHandler(StatsReport report, OperatorAccess access, Replier replier, Texts texts) {
        this.report = report;
        this.access = access;
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
        String text = report.render(locale, days, clock.instant());
        replier.show(in, new Screen(text, Buttons.keyboard()
                .row(button(texts.get(locale, "stats.period.1"), new Stats(1)), button(texts.get(locale, "stats.period.7"), new Stats(7)),
                        button(texts.get(locale, "stats.period.30"), new Stats(30)))
                .row(button(texts.get(locale, "nav.back"), new OperatorMenu())).build()));
    }
}
