package com.quickcart.order.refund;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.util.List;

/**
 * The refund calculator's settings: the period a price buys (REFUND_PERIOD_DAYS, a month counted
 * as 30 days) and the five factors of the convention (REFUND_FACTORS, in the order of
 * {@link RefundRule.Tier}: under a week, a week or more, 1–2 warranty claims, 3 claims, more).
 * Refused at start unless each factor is above 0 and at most 1 and none is higher than the one
 * before it: more use or more claims never earns a larger refund.
 */
@ConfigurationProperties("quickcart.refunds")
public record RefundPolicy(
        @DefaultValue("30") int periodDays,
        @DefaultValue({"0.8", "0.7", "0.6", "0.5", "0.4"}) List<BigDecimal> factors) {

    public RefundPolicy {
        if (periodDays < 1 || periodDays > 3650) {
            throw new IllegalArgumentException("REFUND_PERIOD_DAYS must be 1 to 3650 days, was " + periodDays);
        }
        if (factors == null || factors.size() != RefundRule.Tier.values().length) {
            throw new IllegalArgumentException("REFUND_FACTORS must be five factors, e.g. 0.8,0.7,0.6,0.5,0.4 (under a week, "
                    + "a week or more, 1-2 warranty claims, 3 claims, more), was " + factors);
        }
        BigDecimal previous = BigDecimal.ONE;
        for (BigDecimal factor : factors) {
            if (factor == null || factor.signum() <= 0 || factor.compareTo(previous) > 0) {
                throw new IllegalArgumentException("REFUND_FACTORS must each be above 0 and at most 1, and never higher than the "
                        + "one before, was " + factors);
            }
            previous = factor;
        }
        factors = List.copyOf(factors);
    }

    public RefundRule rule() {
        return new RefundRule(periodDays, factors);
    }
}
