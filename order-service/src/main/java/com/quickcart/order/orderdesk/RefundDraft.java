package com.quickcart.order.orderdesk;

import com.quickcart.order.catalog.ProductDraft;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator's refund as typed: the amount in whole rupiah, then the reason the customer and the
 * audit trail read, e.g. {@code 20000 account stopped working} or {@code Rp 20.000 akun mati}.
 * The amount is checked against what the order took ({@code paid}) here, for a clear answer at
 * once; payment-service checks it again and decides.
 */
public record RefundDraft(long amount, String reason) {

    private static final Pattern FORM = Pattern.compile("((?i:rp)\\.?\\s*)?(\\S+)\\s+(.{3,200})", Pattern.DOTALL);

    /** The refund, or the bundle key of what to fix ({@code admin.refund.above} takes the amount paid). */
    public static Result parse(String text, long paid) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            return new Result(null, "admin.refund.format");
        }
        String written = matcher.group(2);
        if (written.startsWith("-") || written.matches("0+")) {
            return new Result(null, "admin.refund.positive");
        }
        Optional<Long> amount = ProductDraft.rupiah(written);
        if (amount.isEmpty()) {
            return new Result(null, "admin.price.invalid");
        }
        if (amount.get() > paid) {
            return new Result(null, "admin.refund.above");
        }
        return new Result(new RefundDraft(amount.get(), matcher.group(3).strip()), null);
    }

    public record Result(RefundDraft draft, String errorKey) {
        public boolean ok() {
            return errorKey == null;
        }
    }
}
