package com.quickcart.order.stock;

import com.quickcart.common.events.order.StockDocumentSubmitted;
import org.telegram.telegrambots.meta.api.objects.Document;

import java.util.Locale;
import java.util.Optional;

/**
 * Checks a document an operator sends as goods before anyone fetches it, from what Telegram tells
 * about it: a .txt or .csv file, not empty, no larger than one upload takes. Returns the bundle
 * key of what to fix, or nothing when it may be fetched.
 */
public final class StockDocument {

    public static Optional<String> problem(Document document) {
        String name = document.getFileName() == null ? "" : document.getFileName().toLowerCase(Locale.ROOT);
        String mime = document.getMimeType() == null ? "" : document.getMimeType().toLowerCase(Locale.ROOT);
        boolean textName = name.endsWith(".txt") || name.endsWith(".csv");
        boolean textMime = mime.isEmpty() || mime.startsWith("text/") || mime.equals("application/csv")
                || mime.equals("application/vnd.ms-excel") || mime.equals("application/octet-stream");
        if (!textName || !textMime) {
            return Optional.of("stock.upload.type");
        }
        Long size = document.getFileSize();
        if (size != null && size == 0) {
            return Optional.of("stock.upload.empty");
        }
        if (size != null && size > StockDocumentSubmitted.MAX_BYTES) {
            return Optional.of("stock.upload.large");
        }
        return Optional.empty();
    }

    /** "3.2 MB", "180 KB": sizes as an operator reads them. */
    public static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return Math.max(1, (bytes + 1023) / 1024) + " KB";
    }

    private StockDocument() {
    }
}
