package com.quickcart.order.stats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;

/** The days whose summary went out: inserting a day's row claims it, once across instances. */
@Repository
class SummaryDays {

    private final JdbcClient jdbc;

    SummaryDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True for the one caller that claimed {@code day}; false when it was claimed before. */
    boolean claim(LocalDate day) {
        return jdbc.sql("INSERT INTO daily_summaries (day) VALUES (:day) ON CONFLICT DO NOTHING")
                .param("day", Date.valueOf(day)).update() == 1;
    }
}
