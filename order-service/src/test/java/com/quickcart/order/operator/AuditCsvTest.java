package com.quickcart.order.operator;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTest {

    private static AuditTrail.Entry entry(String after) {
        return new AuditTrail.Entry(Instant.parse("2026-11-26T08:00:00Z"), "42", "product.price", "product:7", "{\"price\":1}", after);
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuotedAsRfc4180Says() {
        String csv = AuditCsv.of(List.of(entry("{\"price\":2, \"note\":\"a\nb\"}")), 10_000).text();
        assertThat(csv).isEqualTo(AuditCsv.HEADER + "\r\n"
                + "2026-11-26T08:00:00Z,42,product.price,product:7,\"{\"\"price\"\":1}\",\"{\"\"price\"\":2, \"\"note\"\":\"\"a\nb\"\"}\"\r\n");
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsDefusedButNegativeAmountsStayNumbers() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://x\")")).startsWith("\"'=HYPERLINK");
        assertThat(AuditCsv.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("-cmd")).isEqualTo("'-cmd");
        assertThat(AuditCsv.cell("-5000")).isEqualTo("-5000");
    }

    @Test
    void anExportStopsAtWholeRowsWhenTheFileWouldGrowPastItsLimitAndSaysHowManyItHolds() {
        List<AuditTrail.Entry> many = java.util.Collections.nCopies(100, entry("{}"));
        AuditCsv.File file = AuditCsv.of(many, 1_000);
        assertThat(file.rows()).isBetween(1, 99);
        assertThat(file.text().length()).isLessThanOrEqualTo(1_000);
        assertThat(file.text().lines().count()).isEqualTo(file.rows() + 1L);
    }
}
