package com.quickcart.order.bot;

import java.text.NumberFormat;
import java.util.Locale;

/** Amounts are whole rupiah; shown the Indonesian way whatever the user's language: Rp 45.000. */
public final class Rupiah {

    public static String format(long amount) {
        return "Rp " + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id")).format(amount);
    }

    private Rupiah() {
    }
}
