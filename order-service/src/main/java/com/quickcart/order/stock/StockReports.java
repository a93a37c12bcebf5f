package com.quickcart.order.stock;

import com.quickcart.common.events.delivery.StockLevelChanged;
import com.quickcart.common.events.delivery.StockUploaded;
import com.quickcart.common.events.delivery.StockWithdrawn;
import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.config.StoreProperties;
import com.quickcart.order.operator.AuditTrail;
import com.quickcart.order.stock.StockButtons.StockProduct;
import com.quickcart.order.stock.StockButtons.UploadGoods;
import com.quickcart.order.stock.StockLevels.ProductStock;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static com.quickcart.order.bot.Buttons.button;

/**
 * What delivery-service reports about operators' stock changes, told to the operator who made
 * them and written to the audit trail (counts, never goods), and the low-stock alert: owners
 * hear once when a product falls under their level, and again only after it was restocked.
 * Each runs in the inbox transaction of the event, so the message, the audit row and the
 * alert mark commit together.
 */
@Component
public class StockReports {

    private final StockLevels stock;
    private final AuditTrail audit;
    private final Replier replier;
    private final Texts texts;
    private final StoreProperties store;
    private final UserAccounts users;

    public StockReports(StockLevels stock, AuditTrail audit, Replier replier, Texts texts, StoreProperties store, UserAccounts users) {
        this.stock = stock;
        this.audit = audit;
        this.replier = replier;
        this.texts = texts;
        this.store = store;
        this.users = users;
    }

    /** The operator who uploaded hears back in their private chat. */
    public void uploaded(StockUploaded result) {
        Locale locale = users.locale(result.operatorId());
        String name = stock.product(result.productId()).map(ProductStock::name).orElse("#" + result.productId());
        String text = result.refusal() == null
                ? texts.get(locale, "stock.uploaded", name, result.added(), result.duplicates(), result.blank() + result.tooLong(),
                result.blank(), result.tooLong(), result.availableBefore(), result.availableAfter())
                : texts.get(locale, "stock.refused." + result.refusal().name(), name, result.lines(), result.blank(),
                StockDocument.size(result.bytes()), StockDocument.size(com.quickcart.common.events.order.StockDocumentSubmitted.MAX_BYTES));
        replier.send(result.operatorId(), new Screen(text, Buttons.keyboard()
                .row(button(texts.get(locale, "stock.upload.more"), new UploadGoods(result.productId())),
                        button(texts.get(locale, "stock.back"), new StockProduct(result.productId()))).build()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("available", result.availableAfter());
        after.put("source", result.source());
        after.put("lines", result.lines());
        after.put("added", result.added());
        after.put("duplicates", result.duplicates());
        after.put("blank", result.blank());
        after.put("too_long", result.tooLong());
        if (result.refusal() != null) {
            after.put("refused", result.refusal().name());
        }
        audit.record(result.operatorId(), result.refusal() == null ? "stock.upload" : "stock.upload.refused",
                "product:" + result.productId(), Map.of("available", result.availableBefore()), after);
    }

    public void withdrawn(StockWithdrawn result) {
        Locale locale = users.locale(result.operatorId());
        String name = stock.product(result.productId()).map(ProductStock::name).orElse("#" + result.productId());
        replier.send(result.operatorId(), new Screen(texts.get(locale, "stock.withdrawn", name, result.withdrawn(), result.requested(),
                result.availableBefore(), result.availableAfter()),
                Buttons.keyboard().row(button(texts.get(locale, "stock.back"), new StockProduct(result.productId()))).build()));
        audit.record(result.operatorId(), "stock.withdraw", "product:" + result.productId(),
                Map.of("available", result.availableBefore()),
                Map.of("available", result.availableAfter(), "requested", result.requested(), "withdrawn", result.withdrawn()));
    }

    /** After the projection took the new count: one alert per fall under the level, re-armed at or above it. */
    public void levelChanged(StockLevelChanged change) {
        stock.rearm(change.productId(), change.available());
        Optional<Integer> crossed = stock.crossedBelow(change.productId(), change.available());
        if (crossed.isEmpty()) {
            return;
        }
        String name = stock.product(change.productId()).map(ProductStock::name).orElse("#" + change.productId());
        for (long owner : store.adminIds()) {
            Locale locale = users.locale(owner);
            replier.notify(owner, new Screen(texts.get(locale, "stock.low", name, Long.toString(change.productId()), change.available(),
                    crossed.get()), Buttons.keyboard().row(button(texts.get(locale, "stock.upload"), new UploadGoods(change.productId())),
                    button(texts.get(locale, "stock.back"), new StockProduct(change.productId()))).build()));
        }
    }
}
