package com.quickcart.order.refund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The refund convention among Indonesian sellers of premium app subscriptions:
 * {@code refund = price × remaining days ÷ period days × factor}, where a month counts as
 * {@code periodDays} (30) and the factor falls with use and with warranty claims:
 * no claim and used under a week 0.8, no claim and used a week or more 0.7, 1–2 claims 0.6,
 * 3 claims 0.5, more 0.4. Claims decide the factor whatever the days: a customer who needed the
 * warranty twice in the first week is no longer the "barely used it" case. The result is whole
 * rupiah, rounded down, so the store never pays out a fraction it did not promise.
 * Pure: the same figure for the customer's estimate, the operator's view and the one-tap refund.
 */
public final class RefundRule {

    static final int WEEK = 7;

    /** Which line of the convention applies; each has its text in the bundles ({@code refund.tier.*}). */
    public enum Tier { FIRST_WEEK, AFTER_FIRST_WEEK, ONE_OR_TWO_CLAIMS, THREE_CLAIMS, MORE_CLAIMS }

    private final int periodDays;
    private final List<BigDecimal> factors;

    /** @param factors one per {@link Tier}, in its order; checked by {@link RefundPolicy} at start. */
    public RefundRule(int periodDays, List<BigDecimal> factors) {
        if (periodDays < 1 || factors.size() != Tier.values().length) {
            throw new IllegalArgumentException("a refund rule needs a period of at least one day and one factor per tier");
        }
        this.periodDays = periodDays;
        this.factors = List.copyOf(factors);
    }

    public int periodDays() {
        return periodDays;
    }

    public static Tier tier(int daysUsed, int claims) {
        if (claims == 0) {
            return daysUsed < WEEK ? Tier.FIRST_WEEK : Tier.AFTER_FIRST_WEEK;
        }
        if (claims <= 2) {
            return Tier.ONE_OR_TWO_CLAIMS;
        }
        return claims == 3 ? Tier.THREE_CLAIMS : Tier.MORE_CLAIMS;
    }

    public BigDecimal factor(Tier tier) {
        return factors.get(tier.ordinal());
    }

    /** The estimate for an order of {@code price} rupiah; {@code usage} is already validated against this period. */
    public Estimate estimate(long price, Usage usage) {
        if (price < 0 || usage.daysUsed() < 0 || usage.daysUsed() > periodDays || usage.claims() < 0) {
            throw new IllegalArgumentException("usage outside the period or a negative price: validate with Usage.parse first");
        }
        int remaining = periodDays - usage.daysUsed();
        Tier tier = tier(usage.daysUsed(), usage.claims());
        BigDecimal factor = factor(tier);
        long amount = BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(remaining)).multiply(factor)
                .divide(BigDecimal.valueOf(periodDays), 0, RoundingMode.DOWN).longValueExact();
        return new Estimate(price, usage, periodDays, remaining, tier, factor, amount);
    }

    /** One estimate with everything the customer and the operator are shown about how it was reached. */
    public record Estimate(long price, Usage usage, int periodDays, int remainingDays, Tier tier, BigDecimal factor, long amount) {
    }

    /**
     * What the customer reports: days of the period used and warranty claims made, typed as two
     * whole numbers ("10 1", "10, 1", "10/1"). Anything else is refused with what to fix.
     */
    public record Usage(int daysUsed, int claims) {

        static final int MAX_CLAIMS = 99;

        /** The usage, or the bundle key of what to fix. */
        public static Parsed parse(String text, int periodDays) {
            String[] parts = text == null ? new String[0] : text.strip().split("\\s*[\\s,/]\\s*");
            if (parts.length != 2 || !parts[0].matches("-?\\d{1,6}") || !parts[1].matches("-?\\d{1,6}")) {
                return new Parsed(null, "refund.usage.format");
            }
            int days = Integer.parseInt(parts[0]);
            int claims = Integer.parseInt(parts[1]);
            if (days < 0 || days > periodDays) {
                return new Parsed(null, "refund.usage.days");
            }
            if (claims < 0 || claims > MAX_CLAIMS) {
                return new Parsed(null, "refund.usage.claims");
            }
            return new Parsed(new Usage(days, claims), null);
        }

        public record Parsed(Usage usage, String errorKey) {
            public boolean ok() {
                return errorKey == null;
            }
        }
    }
}
