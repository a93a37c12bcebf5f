package com.quickcart.delivery.stock;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.StockUpload;
import com.quickcart.common.events.delivery.StockUploaded;
import com.quickcart.common.events.delivery.StockUploaded.Refusal;
import com.quickcart.common.events.delivery.StockWithdrawn;
import com.quickcart.common.events.delivery.WithdrawStock;
import com.quickcart.common.goods.GoodsOpener;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.PermanentFailure;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.delivery.fulfilment.Fulfilment;
import com.quickcart.delivery.inventory.Inventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;

/**
 * Goods an operator uploaded, taken into the inventory: opened (they arrive sealed for
 * delivery-service), read line by line, and stored in one transaction, the inbox mark of the
 * upload included, so an upload adds all its valid lines or none. The answer is counts only.
 */
@Service
public class StockIntake {

    private static final Logger log = LoggerFactory.getLogger(StockIntake.class);

    private final Inventory inventory;
    private final Fulfilment fulfilment;
    private final GoodsOpener opener;
    private final Outbox outbox;
    private final EventCodec codec;
    private final JdbcClient jdbc;

    public StockIntake(Inventory inventory, Fulfilment fulfilment, @Qualifier("stockIntakeOpener") GoodsOpener opener,
                       Outbox outbox, EventCodec codec, JdbcClient jdbc) {
        this.inventory = inventory;
        this.fulfilment = fulfilment;
        this.opener = opener;
        this.outbox = outbox;
        this.codec = codec;
        this.jdbc = jdbc;
    }

    /** Runs in the inbox transaction of the {@code StockUpload} command with id {@code eventId}. */
    public void receive(UUID eventId, StockUpload upload) {
        // One upload of a product at a time: the counts before and after are exact, and racing
        // uploads of the same items wait for each other (the unique index decides who stores them).
        jdbc.sql("SELECT pg_advisory_xact_lock(:product)").param("product", upload.productId()).query(Object.class).list();
        int before = inventory.available(upload.productId());
        if (upload.problem() != null) {
            answer(upload, 0, 0, 0, 0, 0, before, before, refusalFor(upload.problem()));
            return;
        }
        UploadLines lines = UploadLines.parse(open(eventId, upload));
        if (lines.refusal() != null) {
            answer(upload, lines.lines(), 0, 0, lines.blank(), lines.tooLong(), before, before, lines.refusal());
            return;
        }
        int added = inventory.add(upload.productId(), lines.items());
        int after = fulfilment.publishStockLevel(upload.productId());
        answer(upload, lines.lines(), added, lines.items().size() - added, lines.blank(), lines.tooLong(), before, after, null);
    }

    /** Runs in the inbox transaction of the command: counts before and after are exact (the product's lock). */
    public void withdraw(WithdrawStock command) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:product)").param("product", command.productId()).query(Object.class).list();
        int before = inventory.available(command.productId());
        int withdrawn = command.quantity() > 0 ? inventory.withdraw(command.productId(), command.quantity()) : 0;
        int after = withdrawn > 0 ? fulfilment.publishStockLevel(command.productId()) : before;
        outbox.append(Topics.DELIVERY_EVENTS, codec.wrap(Long.toString(command.productId()), new StockWithdrawn(command.requestId(),
                command.productId(), command.quantity(), withdrawn, before, after, command.operatorId())));
        log.info("stock withdrawn product_id={} operator_id={} requested={} withdrawn={}", command.productId(), command.operatorId(),
                command.quantity(), withdrawn);
    }

    private String open(UUID eventId, StockUpload upload) {
        try {
            List<String> opened = opener.open(upload.lines(), StockUpload.sealedFor(upload.uploadId()), eventId);
            return opened.isEmpty() ? "" : opened.getFirst();
        } catch (GoodsOpener.Refused e) {
            throw new PermanentFailure("upload " + upload.uploadId() + " not opened: " + e.getMessage()
                    + " (STOCK_INTAKE_PRIVATE_KEY, STOCK_INTAKE_PREVIOUS_PRIVATE_KEYS)", e);
        }
    }

    private void answer(StockUpload upload, int lines, int added, int duplicates, int blank, int tooLong, int before, int after,
                        Refusal refusal) {
        outbox.append(Topics.DELIVERY_EVENTS, codec.wrap(Long.toString(upload.productId()), new StockUploaded(upload.uploadId(),
                upload.productId(), upload.operatorId(), upload.source(), lines, added,
                duplicates, blank, tooLong, before, after, refusal, upload.bytes())));
        log.info("stock upload product_id={} upload_id={} operator_id={} lines={} added={} duplicates={} blank={} too_long={} refusal={}",
                upload.productId(), upload.uploadId(), upload.operatorId(), lines, added, duplicates, blank, tooLong, refusal);
    }

    private static Refusal refusalFor(StockUpload.Problem problem) {
        return switch (problem) {
            case TOO_LARGE -> Refusal.TOO_LARGE;
            case NOT_TEXT -> Refusal.NOT_TEXT;
            case UNAVAILABLE -> Refusal.UNAVAILABLE;
        };
    }
}
