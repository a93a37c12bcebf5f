package com.quickcart.delivery.stock;

import com.quickcart.common.events.delivery.StockUploaded.Refusal;

import java.util.ArrayList;
import java.util.List;

/**
 * An operator's upload read as goods: one item per line (a .csv line is one item, commas and
 * all), surrounding spaces dropped. Blank lines and lines over {@link #MAX_ITEM_LENGTH} are
 * counted and skipped; an upload of more than {@link #MAX_LINES} lines, or with no item at all,
 * is refused whole. Nothing here prints a line: an item is a secret.
 */
public record UploadLines(int lines, List<String> items, int blank, int tooLong, Refusal refusal) {

    /** One upload at most; a larger list is split by the operator, so that a mistake costs one file. */
    public static final int MAX_LINES = 10_000;
    /** Far above any licence key or account line; a longer line is a wrong file. */
    public static final int MAX_ITEM_LENGTH = 4_000;

    public static UploadLines parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        if (body.isEmpty()) {
            return new UploadLines(0, List.of(), 0, 0, Refusal.EMPTY);
        }
        String[] lines = body.split("\n", -1);
        if (lines.length > MAX_LINES) {
            return new UploadLines(lines.length, List.of(), 0, 0, Refusal.TOO_MANY_LINES);
        }
        List<String> items = new ArrayList<>(lines.length);
        int blank = 0;
        int tooLong = 0;
        for (String line : lines) {
            String item = line.strip();
            if (item.isEmpty()) {
                blank++;
            } else if (item.length() > MAX_ITEM_LENGTH) {
                tooLong++;
            } else {
                items.add(item);
            }
        }
        return new UploadLines(lines.length, items, blank, tooLong, items.isEmpty() ? Refusal.EMPTY : null);
    }

    @Override
    public String toString() {
        return "UploadLines[lines=" + lines + ", items=" + items.size() + ", blank=" + blank + ", tooLong=" + tooLong
                + ", refusal=" + refusal + "]";
    }
}
