package com.quickcart.common.events.delivery;

import com.quickcart.common.events.EventContract;

/**
 * Command on delivery.commands (keyed by product id): goods an operator uploaded for a product,
 * sealed for delivery-service's stock-intake key and bound to this event's id and
 * {@code "stock-upload:" + uploadId} ({@link #sealedFor}), one line of the upload per item. When
 * the upload could not be read, {@code lines} is null and {@code problem} says why, so that
 * delivery-service reports it like any other outcome. See docs/adr/0022.
 */
@EventContract(type = "StockUpload")
public record StockUpload(String uploadId, long productId, long operatorId, String source,
                          SealedGoods lines, Problem problem, long bytes) {

    /** What the sealed upload is bound to besides the event id. */
    public static String sealedFor(String uploadId) {
        return "stock-upload:" + uploadId;
    }

    /** Why an upload came without lines. */
    public enum Problem {
        /** Larger than one upload takes (the document's size is in {@code bytes}). */
        TOO_LARGE,
        /** Not UTF-8 text, or holds control characters: not a list of items. */
        NOT_TEXT,
        /** Telegram no longer has the file, or refused it. */
        UNAVAILABLE
    }

    @Override
    public String toString() {
        return "StockUpload[uploadId=" + uploadId + ", productId=" + productId + ", source=" + source
                + (lines == null ? ", problem=" + problem : ", lines sealed") + "]";
    }
}
