package com.quickcart.common.events.delivery;

import com.quickcart.common.events.EventContract;

/**
 * What became of an operator's upload (keyed by product id), in counts only: items added,
 * lines that repeat an item already held or an earlier line of the upload, blank lines, lines
 * over the length limit; the product's available count before and after. {@code refusal} is set
 * when nothing was added at all (the whole upload was refused); then the counts describe what
 * was seen. See docs/adr/0022.
 */
@EventContract(type = "StockUploaded")
public record StockUploaded(String uploadId, long productId, long operatorId, String source,
                            int lines, int added, int duplicates, int blank, int tooLong, int availableBefore,
                            int availableAfter, Refusal refusal, long bytes) {

    /** Why nothing of an upload was added. */
    public enum Refusal {
        /** More lines than one upload takes. */
        TOO_MANY_LINES,
        /** No line held an item. */
        EMPTY,
        /** The document was larger than one upload takes. */
        TOO_LARGE,
        /** The document was not UTF-8 text. */
        NOT_TEXT,
        /** Telegram no longer had the document. */
        UNAVAILABLE
    }
}
