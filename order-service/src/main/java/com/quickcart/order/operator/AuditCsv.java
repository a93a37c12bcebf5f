package com.quickcart.order.operator;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The trail as RFC 4180 CSV, times in UTC ISO-8601. A cell a spreadsheet would run as a formula
 * (starting with =, +, @, or - followed by something other than a digit) is prefixed with a
 * quote: subjects and reasons can carry text an operator or customer typed.
 */
final class AuditCsv {

    static final String HEADER = "at,actor,action,subject,before,after";

    /** The entries in order, as many as fit in {@code maxChars}; {@code rows} says how many did. */
    static File of(List<AuditTrail.Entry> entries, int maxChars) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        int rows = 0;
        for (AuditTrail.Entry entry : entries) {
            String line = DateTimeFormatter.ISO_INSTANT.format(entry.at()) + ','
                    + cell(entry.actor()) + ','
                    + cell(entry.action()) + ','
                    + cell(entry.subject()) + ','
                    + cell(entry.before()) + ','
                    + cell(entry.after()) + "\r\n";
            if (csv.length() + line.length() > maxChars) {
                break;
            }
            csv.append(line);
            rows++;
        }
        return new File(csv.toString(), rows);
    }

    record File(String text, int rows) {
    }

    static String cell(String value) {
        String safe = value == null ? "" : value;
        if (startsLikeFormula(safe)) {
            safe = "'" + safe;
        }
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static boolean startsLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '@' || first == '\t') {
            return true;
        }
        return first == '-' && (value.length() == 1 || !Character.isDigit(value.charAt(1)));
    }

    private AuditCsv() {
    }
}
