package com.quickcart.order.checkout;

import com.quickcart.order.catalog.ProductDraft;

import java.util.Optional;

/**
 * An operator's new voucher, as one message of lines: code, discount ("20%" or a rupiah amount),
 * minimum purchase (0 for none), total uses, days valid. Each use is once per customer (the
 * redemption table's key). The rules live here so they can be tested without a database.
 */
public record VoucherDraft(String code, String kind, long value, long minPurchase, int totalUses, int days) {

    /** The draft, or the bundle key of what to fix. */
    public static Result parse(String text) {
        String[] lines = text == null ? new String[0] : text.strip().split("\\R");
        if (lines.length != 5) {
            return error("admin.voucher.format");
        }
        String code = Vouchers.normalise(lines[0]);
        if (!code.matches("[A-Z0-9]{3,16}")) {
            return error("admin.voucher.code");
        }
        String discount = lines[1].strip();
        String kind;
        long value;
        if (discount.endsWith("%")) {
            String percent = discount.substring(0, discount.length() - 1).strip();
            if (!percent.matches("\\d{1,3}") || Integer.parseInt(percent) < 1 || Integer.parseInt(percent) > 100) {
                return error("admin.voucher.percent");
            }
            kind = "PERCENT";
            value = Integer.parseInt(percent);
        } else {
            Optional<Long> amount = ProductDraft.rupiah(discount);
            if (amount.isEmpty()) {
                return error("admin.price.invalid");
            }
            kind = "FIXED";
            value = amount.get();
        }
        String minimum = lines[2].strip();
        Optional<Long> min = minimum.equals("0") ? Optional.of(0L) : ProductDraft.rupiah(minimum);
        if (min.isEmpty()) {
            return error("admin.price.invalid");
        }
        Optional<Integer> uses = count(lines[3], 1_000_000);
        Optional<Integer> days = count(lines[4], 3650);
        if (uses.isEmpty() || days.isEmpty()) {
            return error("admin.voucher.counts");
        }
        return new Result(new VoucherDraft(code, kind, value, min.get(), uses.get(), days.get()), null);
    }

    private static Optional<Integer> count(String text, int max) {
        String digits = text.strip();
        if (!digits.matches("\\d{1,7}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(digits);
        return value >= 1 && value <= max ? Optional.of(value) : Optional.empty();
    }

    private static Result error(String key) {
        return new Result(null, key);
    }

    public record Result(VoucherDraft draft, String errorKey) {
        public boolean ok() {
            return errorKey == null;
        }
    }
}
