package com.quickcart.order.account;

import com.quickcart.order.catalog.ProductDraft;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator's balance correction as typed: a sign, an amount in whole rupiah and a reason,
 * e.g. {@code +50000 compensation for the late account} or {@code -Rp 20.000 duplicate deposit}.
 * The sign is required so a credit is never mistaken for a debit; the reason is required
 * because it is what the customer and the audit trail read.
 */
public record BalanceAdjustment(long delta, String reason) {

    private static final Pattern FORM = Pattern.compile("([+-])\\s*((?i:rp)\\.?\\s*)?([\\d.,]+)\\s+(.{3,200})", Pattern.DOTALL);

    /** The adjustment, or the bundle key of what to fix. */
    public static Result parse(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            return new Result(null, "admin.adjust.format");
        }
        Optional<Long> amount = ProductDraft.rupiah(matcher.group(3));
        if (amount.isEmpty()) {
            return new Result(null, "admin.price.invalid");
        }
        long delta = matcher.group(1).equals("-") ? -amount.get() : amount.get();
        return new Result(new BalanceAdjustment(delta, matcher.group(4).strip()), null);
    }

    public record Result(BalanceAdjustment adjustment, String errorKey) {
        public boolean ok() {
            return errorKey == null;
        }
    }
}
