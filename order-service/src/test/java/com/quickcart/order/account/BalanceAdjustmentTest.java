package com.quickcart.order.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How an operator types a balance correction, and what each mistake is told; no database needed. */
class BalanceAdjustmentTest {

    @Test
    void aSignedAmountWithAReasonIsACreditOrADebit() {
        assertThat(BalanceAdjustment.parse("+50000 compensation for the late account").adjustment())
                .isEqualTo(new BalanceAdjustment(50_000, "compensation for the late account"));
        assertThat(BalanceAdjustment.parse("- Rp 20.000 duplicate deposit").adjustment())
                .isEqualTo(new BalanceAdjustment(-20_000, "duplicate deposit"));
    }

    @Test
    void withoutASignOrAReasonNothingIsGuessed() {
        assertThat(BalanceAdjustment.parse("50000 goodwill").errorKey()).isEqualTo("admin.adjust.format");
        assertThat(BalanceAdjustment.parse("+50000").errorKey()).isEqualTo("admin.adjust.format");
        assertThat(BalanceAdjustment.parse("+50000 ok").errorKey()).isEqualTo("admin.adjust.format");
        assertThat(BalanceAdjustment.parse("+50rb goodwill").errorKey()).isEqualTo("admin.adjust.format");
        assertThat(BalanceAdjustment.parse("+1.5 goodwill").errorKey()).isEqualTo("admin.price.invalid");
    }
}
