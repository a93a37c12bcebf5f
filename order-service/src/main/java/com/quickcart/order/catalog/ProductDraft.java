package com.quickcart.order.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * An operator's description of a new product, as one message of lines:
 * <pre>
 * name
 * customer price
 * reseller price (or "-" for none)
 * description (optional, may run over several lines)
 * </pre>
 * Prices are whole rupiah written with digits (dots, commas, spaces and "Rp" are allowed as
 * decoration). "15rb" or "15k" is refused rather than guessed, because a wrong guess is a price
 * a thousand times off. The rules live here so they can be tested without a database.
 */
public record ProductDraft(String name, long price, Long resellerPrice, String description) {

    static final long MAX_PRICE = 100_000_000;

    /** The draft, or the bundle key of what to fix. */
    public static Result parse(String text) {
        String[] lines = text == null ? new String[0] : text.strip().split("\\R");
        if (lines.length < 2) {
            return Result.error("admin.product.format");
        }
        String name = lines[0].strip();
        if (name.isEmpty() || name.length() > 80) {
            return Result.error("admin.product.name");
        }
        Optional<Long> price = rupiah(lines[1]);
        if (price.isEmpty()) {
            return Result.error("admin.price.invalid");
        }
        Long reseller = null;
        if (lines.length > 2 && !lines[2].strip().equals("-")) {
            Optional<Long> parsed = rupiah(lines[2]);
            if (parsed.isEmpty()) {
                return Result.error("admin.price.invalid");
            }
            reseller = parsed.get();
        }
        if (reseller != null && reseller > price.get()) {
            return Result.error("admin.price.reseller");
        }
        String description = lines.length > 3 ? String.join("\n", Arrays.copyOfRange(lines, 3, lines.length)).strip() : "";
        if (description.length() > 1000) {
            return Result.error("admin.product.description");
        }
        return new Result(new ProductDraft(name, price.get(), reseller, description), null);
    }

    /**
     * "Rp 15.000", "15,000", "15000" → 15000. Dots and commas are only thousands separators
     * (rupiah has no cents), so "1.5" is refused; letters or an out-of-range value too.
     */
    public static Optional<Long> rupiah(String text) {
        String written = text.strip().replaceFirst("(?i)^rp\\.?\\s*", "");
        if (!written.matches("\\d{1,9}|\\d{1,3}([.,]\\d{3}){1,2}")) {
            return Optional.empty();
        }
        String digits = written.replaceAll("[.,]", "");
        long value = Long.parseLong(digits);
        return value >= 1 && value <= MAX_PRICE ? Optional.of(value) : Optional.empty();
    }

    public record Result(ProductDraft draft, String errorKey) {
        static Result error(String key) {
            return new Result(null, key);
        }

        public boolean ok() {
            return errorKey == null;
        }
    }
}
