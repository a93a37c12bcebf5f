package com.quickcart.order.orderdesk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How an operator types a refund, and what each mistake is told; no database needed. */
class RefundDraftTest {

    private static final long PAID = 45_000;

    @Test
    void anAmountUpToWhatWasPaidWithAReasonIsARefund() {
        assertThat(RefundDraft.parse("20000 account stopped working", PAID).draft())
                .isEqualTo(new RefundDraft(20_000, "account stopped working"));
        assertThat(RefundDraft.parse("Rp 45.000 akun mati total", PAID).draft())
                .as("the whole amount paid, written as Indonesians write it").isEqualTo(new RefundDraft(45_000, "akun mati total"));
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "''                      | admin.refund.format",
            "20000                   | admin.refund.format",
            "20000 ok                | admin.refund.format",
            "15rb akun bermasalah    | admin.price.invalid",
            "1.5 akun bermasalah     | admin.price.invalid",
            "-5000 akun bermasalah   | admin.refund.positive",
            "0 akun bermasalah       | admin.refund.positive",
            "45001 akun bermasalah   | admin.refund.above",
            "Rp 60.000 akun bermasalah | admin.refund.above",
    })
    void anythingElseIsRefusedWithWhatToFix(String typed, String errorKey) {
        assertThat(RefundDraft.parse(typed, PAID).errorKey()).isEqualTo(errorKey);
    }
}
