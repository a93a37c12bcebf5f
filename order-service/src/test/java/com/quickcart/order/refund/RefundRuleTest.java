package com.quickcart.order.refund;

import com.quickcart.order.refund.RefundRule.Tier;
import com.quickcart.order.refund.RefundRule.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sellers' refund convention as a table of cases and its boundaries; no Spring, no database. */
class RefundRuleTest {

    private static final RefundRule CONVENTION = new RefundPolicy(30, List.of(new BigDecimal("0.8"), new BigDecimal("0.7"),
            new BigDecimal("0.6"), new BigDecimal("0.5"), new BigDecimal("0.4"))).rule();

    @ParameterizedTest(name = "Rp {0}, {1} days used, {2} claims: {3} × {4} = Rp {5}")
    @CsvSource({
            // price, days used, claims, tier, factor, refund
            "45000,  0, 0, FIRST_WEEK,        0.8, 36000",
            "45000,  6, 0, FIRST_WEEK,        0.8, 28800",   // 45000 × 24/30 × 0.8
            "45000,  7, 0, AFTER_FIRST_WEEK,  0.7, 24150",   // a full week: the factor drops (45000 × 23/30 × 0.7)
            "45000, 10, 1, ONE_OR_TWO_CLAIMS, 0.6, 18000",   // 45000 × 20/30 × 0.6
            "45000,  2, 2, ONE_OR_TWO_CLAIMS, 0.6, 25200",   // claims decide, even in the first week
            "45000, 10, 3, THREE_CLAIMS,      0.5, 15000",
            "45000, 10, 4, MORE_CLAIMS,       0.4, 12000",
            "45000, 10, 99, MORE_CLAIMS,      0.4, 12000",
            "45000, 30, 0, AFTER_FIRST_WEEK,  0.7, 0",       // the whole period used: nothing left to refund
            "10000,  1, 0, FIRST_WEEK,        0.8, 7733",    // 7733.33… rounded down to whole rupiah
            "0,      0, 0, FIRST_WEEK,        0.8, 0",       // a free order refunds nothing
    })
    void theRefundIsThePriceTimesTheRemainingShareTimesTheFactorOfTheTier(long price, int days, int claims, Tier tier,
                                                                        String factor, long refund) {
        RefundRule.Estimate estimate = CONVENTION.estimate(price, new Usage(days, claims));
        assertThat(estimate.tier()).isEqualTo(tier);
        assertThat(estimate.factor()).isEqualByComparingTo(factor);
        assertThat(estimate.remainingDays()).isEqualTo(30 - days);
        assertThat(estimate.amount()).isEqualTo(refund);
    }

    @Test
    void aRefundNeverExceedsThePriceWhateverTheFactors() {
        RefundRule generous = new RefundPolicy(30, List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE)).rule();
        assertThat(generous.estimate(45_000, new Usage(0, 0)).amount()).isEqualTo(45_000);
    }

    @Test
    void theFactorsAndThePeriodAreConfiguration() {
        RefundRule weekly = new RefundPolicy(7, List.of(new BigDecimal("0.9"), new BigDecimal("0.9"), new BigDecimal("0.5"),
                new BigDecimal("0.5"), new BigDecimal("0.1"))).rule();
        assertThat(weekly.estimate(70_000, new Usage(3, 0)).amount()).isEqualTo(36_000);   // 70000 × 4/7 × 0.9
        assertThat(weekly.estimate(70_000, new Usage(3, 5)).amount()).isEqualTo(4_000);
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "''          | refund.usage.format",
            "ten one     | refund.usage.format",
            "10          | refund.usage.format",
            "10 1 2      | refund.usage.format",
            "1.5 0       | refund.usage.format",
            "-1 0        | refund.usage.days",
            "31 0        | refund.usage.days",
            "10 -1       | refund.usage.claims",
            "10 100      | refund.usage.claims",
    })
    void usageOutsideTheRulesIsRefusedWithWhatToFix(String typed, String errorKey) {
        assertThat(Usage.parse(typed, 30).errorKey()).isEqualTo(errorKey);
    }

    @Test
    void usageIsTwoWholeNumbersWrittenAsCustomersWriteThem() {
        assertThat(Usage.parse("10 1", 30).usage()).isEqualTo(new Usage(10, 1));
        assertThat(Usage.parse(" 10, 1 ", 30).usage()).isEqualTo(new Usage(10, 1));
        assertThat(Usage.parse("0/0", 30).usage()).isEqualTo(new Usage(0, 0));
        assertThat(Usage.parse("30 0", 30).usage()).as("the last day of the period").isEqualTo(new Usage(30, 0));
    }

    @Test
    void settingsThatWouldPayMoreForMoreUseAreRefusedAtStart() {
        assertThatThrownBy(() -> new RefundPolicy(30, List.of(new BigDecimal("0.7"), new BigDecimal("0.8"), new BigDecimal("0.6"),
                new BigDecimal("0.5"), new BigDecimal("0.4")))).hasMessageContaining("REFUND_FACTORS");
        assertThatThrownBy(() -> new RefundPolicy(30, List.of(new BigDecimal("1.2"), new BigDecimal("0.7"), new BigDecimal("0.6"),
                new BigDecimal("0.5"), new BigDecimal("0.4")))).hasMessageContaining("at most 1");
        assertThatThrownBy(() -> new RefundPolicy(30, List.of(new BigDecimal("0.8"), new BigDecimal("0.7"), new BigDecimal("0.6"),
                new BigDecimal("0.5"), BigDecimal.ZERO))).hasMessageContaining("above 0");
        assertThatThrownBy(() -> new RefundPolicy(30, List.of(new BigDecimal("0.8")))).hasMessageContaining("five factors");
        assertThatThrownBy(() -> new RefundPolicy(0, List.of(new BigDecimal("0.8"), new BigDecimal("0.7"), new BigDecimal("0.6"),
                new BigDecimal("0.5"), new BigDecimal("0.4")))).hasMessageContaining("REFUND_PERIOD_DAYS");
    }
}
