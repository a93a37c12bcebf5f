package com.quickcart.order.stats;

import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.config.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Once a day, at DAILY_SUMMARY_HOUR in the store's time zone, each owner gets the day's figures
 * (the same text as {@code /stats}). Any number of order-service instances may run this: the day
 * is claimed by inserting its row, in the same transaction as the messages' outbox rows, so the
 * summary goes out once, and a service that was down at the hour sends it when it comes back.
 */
@Component
public class DailySummary {

    private static final Logger log = LoggerFactory.getLogger(DailySummary.class);

    private final SummaryDays days;
    private final StatsReport report;
    private final StoreProperties store;
    private final UserAccounts users;
    private final Replier replier;
    private final Texts texts;
    private final Clock clock = Clock.systemUTC();

    public DailySummary(SummaryDays days, StatsReport report, StoreProperties store, UserAccounts users, Replier replier, Texts texts) {
        this.days = days;
        this.report = report;
        this.store = store;
        this.users = users;
        this.replier = replier;
        this.texts = texts;
    }

    @Scheduled(fixedDelayString = "${quickcart.store.summary-check-every:60s}", initialDelayString = "${quickcart.store.summary-check-every:60s}")
    @Transactional
    public void sendIfDue() {
        sendIfDue(clock.instant());
    }

    /** Sends today's summary if its hour has come and nobody sent it yet; true when this call sent it. */
    @Transactional
    public boolean sendIfDue(Instant now) {
        if (store.dailySummaryHour() < 0 || store.adminIds().isEmpty()) {
            return false;
        }
        ZonedDateTime local = now.atZone(store.timezone());
        if (local.getHour() < store.dailySummaryHour()) {
            return false;
        }
        LocalDate day = local.toLocalDate();
        if (!days.claim(day)) {
            return false;
        }
        for (long owner : store.adminIds()) {
            Locale locale = users.locale(owner);
            replier.notify(owner, Screen.of(Texts.fitMessage(texts.get(locale, "summary.title") + " " + day + "\n\n"
                    + report.render(locale, 1, now))));
        }
        log.info("daily summary for {} sent to {} owner(s)", day, store.adminIds().size());
        return true;
    }
}
