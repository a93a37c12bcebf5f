package com.quickcart.common.events.order;

import com.quickcart.common.events.EventContract;

/**
 * Command on telegram.outbound (keyed by the operator's chat): an operator with the STOCK
 * permission sent a document of goods for a product. The notifier, the holder of the bot token,
 * fetches it from Telegram and passes its text on to delivery-service sealed ({@code StockUpload}).
 * {@code fileId} is Telegram's reference to the document, useless without the bot token; the
 * goods themselves never travel here. See docs/adr/0022.
 */
@EventContract(type = "StockDocumentSubmitted")
public record StockDocumentSubmitted(String uploadId, long productId, long operatorId, long chatId, String fileId, String fileName, long fileSize) {

    /**
     * The largest document one upload takes: sealed (base64, a third larger) it must still fit one
     * Kafka record (quickcart.messaging.max-event-bytes, 900 000). About 10 000 lines of 50 characters.
     */
    public static final long MAX_BYTES = 512 * 1024;
}
