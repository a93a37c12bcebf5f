package com.quickcart.order.checkout;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator may type for a new voucher, and what each mistake is told; no database needed. */
class VoucherDraftTest {

    @Test
    void aPercentAndAFixedVoucherAreTakenAsWritten() {
        assertThat(VoucherDraft.parse("hemat20\n20%\n50.000\n100\n30").draft())
                .isEqualTo(new VoucherDraft("HEMAT20", "PERCENT", 20, 50_000, 100, 30));
        assertThat(VoucherDraft.parse("POTONG5K\nRp 5.000\n0\n10\n7").draft())
                .isEqualTo(new VoucherDraft("POTONG5K", "FIXED", 5_000, 0, 10, 7));
    }

    @Test
    void eachMistakeSaysWhatToFix() {
        assertThat(VoucherDraft.parse("HEMAT\n150%\n0\n1\n1").errorKey()).isEqualTo("admin.voucher.percent");
        assertThat(VoucherDraft.parse("HEMAT\n0%\n0\n1\n1").errorKey()).isEqualTo("admin.voucher.percent");
        assertThat(VoucherDraft.parse("HEMAT\n5rb\n0\n1\n1").errorKey()).isEqualTo("admin.price.invalid");
        assertThat(VoucherDraft.parse("HE\n10%\n0\n1\n1").errorKey()).isEqualTo("admin.voucher.code");
        assertThat(VoucherDraft.parse("HEMAT-10\n10%\n0\n1\n1").errorKey()).isEqualTo("admin.voucher.code");
        assertThat(VoucherDraft.parse("HEMAT\n10%\n0\n0\n1").errorKey()).isEqualTo("admin.voucher.counts");
        assertThat(VoucherDraft.parse("HEMAT\n10%\n0\n1\n9999").errorKey()).isEqualTo("admin.voucher.counts");
        assertThat(VoucherDraft.parse("HEMAT\n10%").errorKey()).isEqualTo("admin.voucher.format");
    }
}
