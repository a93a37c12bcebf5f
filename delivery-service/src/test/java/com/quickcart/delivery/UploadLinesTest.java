package com.quickcart.delivery;

import com.quickcart.common.events.delivery.StockUploaded.Refusal;
import com.quickcart.delivery.stock.UploadLines;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadLinesTest {

    @Test
    void eachLineIsOneItemAndBlankOrOverLongLinesAreCountedNotKept() {
        UploadLines lines = UploadLines.parse("\uFEFFKEY-1\r\n  KEY-2  \n\n   \nbudi@example.com,s3cret\n" + "x".repeat(4_001) + "\n");

        assertThat(lines.items()).containsExactly("KEY-1", "KEY-2", "budi@example.com,s3cret");
        assertThat(lines.lines()).isEqualTo(6);
        assertThat(lines.blank()).isEqualTo(2);
        assertThat(lines.tooLong()).isEqualTo(1);
        assertThat(lines.refusal()).isNull();
    }

    @Test
    void anUploadWithoutAnItemOrOverTenThousandLinesIsRefusedWhole() {
        assertThat(UploadLines.parse("").refusal()).isEqualTo(Refusal.EMPTY);
        assertThat(UploadLines.parse("\n \n\t\n").refusal()).isEqualTo(Refusal.EMPTY);
        UploadLines tooMany = UploadLines.parse("K\n".repeat(10_001));
        assertThat(tooMany.refusal()).isEqualTo(Refusal.TOO_MANY_LINES);
        assertThat(tooMany.lines()).isEqualTo(10_001);
        assertThat(tooMany.items()).isEmpty();
        assertThat(UploadLines.parse("K\n".repeat(10_000)).refusal()).isNull();
    }

    @Test
    void itsDescriptionCountsAndNeverQuotesALine() {
        assertThat(UploadLines.parse("SECRET-KEY-123\n").toString()).doesNotContain("SECRET");
    }
}
