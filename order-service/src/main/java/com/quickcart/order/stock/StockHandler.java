package com.quickcart.order.stock;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.delivery.StockUpload;
import com.quickcart.common.events.delivery.WithdrawStock;
import com.quickcart.common.events.order.StockDocumentSubmitted;
import com.quickcart.common.goods.GoodsSealer;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.operator.AuditTrail;
import com.quickcart.order.operator.OperatorAccess;
import com.quickcart.order.operator.OperatorButtons.OperatorMenu;
import com.quickcart.order.session.Session.Awaiting;
import com.quickcart.order.stock.StockButtons.LowStockLevel;
import com.quickcart.order.stock.StockButtons.StockProduct;
import com.quickcart.order.stock.StockButtons.StockProducts;
import com.quickcart.order.stock.StockButtons.UploadGoods;
import com.quickcart.order.stock.StockButtons.WithdrawGoods;
import com.quickcart.order.stock.StockLevels.ProductStock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.quickcart.order.bot.Buttons.button;
import static com.quickcart.order.operator.Permission.STOCK;

/**
 * Stock from the operator's chat: counts per product (as customers see them), goods added from a
 * .txt/.csv document or pasted lines, unsold items withdrawn by count, and (owners) the low-stock
 * alert level. A document goes to the notifier by its Telegram file id, to be fetched and sealed
 * for delivery-service; a paste (sealed by ingress on its way here) is sealed for delivery-service
 * at once (docs/adr/0022). What comes back is counts, answered and audited by {@link StockReports}.
 */
@Component
public class StockHandler implements Feature {

    private static final Logger log = LoggerFactory.getLogger(StockHandler.class);
    private static final int PAGE = 10;
    private static final int MAX_WITHDRAW = 100_000;

    private final StockLevels stock;
    private final OperatorAccess access;
    private final AuditTrail audit;
    private final Replier replier;
    private final Texts texts;
    private final Outbox outbox;
    private final EventCodec codec;
    private final GoodsSealer sealer;

    public StockHandler(StockLevels stock, OperatorAccess access, AuditTrail audit, Replier replier, Texts texts, Outbox outbox,
                        EventCodec codec, GoodsSealer sealer) {
        this.sealer = sealer;
        this.stock = stock;
        this.access = access;
        this.audit = audit;
        this.replier = replier;
        this.texts = texts;
        this.outbox = outbox;
        this.codec = codec;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(StockProducts.class, access.requires(STOCK, this::products))
                .button(StockProduct.class, access.requires(STOCK, this::product))
                .button(UploadGoods.class, access.requires(STOCK, this::askUpload))
                .button(WithdrawGoods.class, access.requires(STOCK, this::askWithdraw))
                .button(LowStockLevel.class, access.ownerOnly(this::askThreshold))
                .message(Awaiting.ADMIN_STOCK_UPLOAD, access.requires(STOCK, this::uploadReceived))
                .text(Awaiting.ADMIN_STOCK_UPLOAD, access.requires(STOCK, this::pasteReceived))
                .text(Awaiting.ADMIN_STOCK_WITHDRAW, access.requires(STOCK, this::withdrawTyped))
                .text(Awaiting.ADMIN_STOCK_THRESHOLD, access.ownerOnly(this::thresholdTyped));
    }

    private void products(Interaction in, StockProducts button) {
        Locale locale = in.locale();
        int pages = (int) Math.max(1, (stock.products() + PAGE - 1) / PAGE);
        int page = Math.clamp(button.page(), 0, pages - 1);
        StringBuilder text = new StringBuilder(texts.get(locale, "admin.stock.title")).append("\n\n");
        Buttons keyboard = Buttons.keyboard();
        for (ProductStock product : stock.page(page, PAGE)) {
            text.append(line(locale, product)).append('\n');
            keyboard.row(button(product.id() + ". " + product.name() + " \u00B7 " + product.available(), new StockProduct(product.id())));
        }
        keyboard.row(Buttons.pager(page, pages, StockProducts::new)).row(button(texts.get(locale, "nav.back"), new OperatorMenu()));
        replier.show(in, new Screen(Texts.fitMessage(text.toString().strip()), keyboard.build()));
    }

    private void product(Interaction in, StockProduct button) {
        Optional<ProductStock> found = stock.product(button.productId());
        if (found.isEmpty()) {
            replier.staleButton(in);
            products(in, new StockProducts(0));
            return;
        }
        replier.show(in, productScreen(in, found.get()));
    }

    private Screen productScreen(Interaction in, ProductStock product) {
        Locale locale = in.locale();
        Buttons keyboard = Buttons.keyboard()
                .row(button(texts.get(locale, "stock.upload"), new UploadGoods(product.id())),
                        button(texts.get(locale, "stock.withdraw"), new WithdrawGoods(product.id())));
        if (access.isOwner(in.userId())) {
            keyboard.row(button(texts.get(locale, "stock.alert"), new LowStockLevel(product.id())));
        }
        keyboard.row(button(texts.get(locale, "nav.back"), new StockProducts(0)));
        return new Screen(texts.get(locale, "stock.product", Long.toString(product.id()), product.name(), product.available(),
                alertLevel(locale, product)), keyboard.build());
    }

    private void askUpload(Interaction in, UploadGoods button) {
        Optional<ProductStock> product = stock.product(button.productId());
        if (product.isEmpty()) {
            replier.staleButton(in);
            products(in, new StockProducts(0));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.ADMIN_STOCK_UPLOAD).with("product", Long.toString(button.productId())));
        replier.show(in, uploadPrompt(in.locale(), null, product.get()));
    }

    /** A document of goods while an upload is awaited; a photo, sticker... earns the prompt again, saying what to send. */
    private void uploadReceived(Interaction in, Message message) {
        Optional<ProductStock> product = awaitedProduct(in);
        if (product.isEmpty()) {
            return;
        }
        if (!message.hasDocument()) {
            replier.show(in, uploadPrompt(in.locale(), "stock.upload.type", product.get()));
            return;
        }
        Document document = message.getDocument();
        Optional<String> problem = StockDocument.problem(document);
        if (problem.isPresent()) {
            long size = document.getFileSize() == null ? 0 : document.getFileSize();
            replier.show(in, new Screen(texts.get(in.locale(), problem.get(), StockDocument.size(size),
                    StockDocument.size(StockDocumentSubmitted.MAX_BYTES)) + "\n\n" + prompt(in.locale(), product.get()), cancel(in, product.get())));
            return;
        }
        String uploadId = UUID.randomUUID().toString();
        long size = document.getFileSize() == null ? 0 : document.getFileSize();
        outbox.append(Topics.TELEGRAM_OUTBOUND, codec.wrap(Long.toString(in.chatId()), new StockDocumentSubmitted(uploadId,
                product.get().id(), in.userId(), in.chatId(), document.getFileId(), document.getFileName(), size)));
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        log.info("stock document submitted upload_id={} product_id={} operator_id={} bytes={}", uploadId, product.get().id(), in.userId(), size);
        replier.show(in, Screen.of(texts.get(in.locale(), "stock.upload.received", document.getFileName(), StockDocument.size(size),
                product.get().name())));
    }

    /**
     * Goods pasted as a message: they crossed telegram.updates sealed by ingress and are sealed
     * again here, for delivery-service, before they leave; the lines are counted there.
     */
    private void pasteReceived(Interaction in, String text) {
        Optional<ProductStock> found = awaitedProduct(in);
        if (found.isEmpty()) {
            return;
        }
        ProductStock product = found.get();
        String uploadId = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outbox.append(Topics.DELIVERY_COMMANDS, codec.wrap(eventId, Long.toString(product.id()), new StockUpload(uploadId, product.id(),
                in.userId(), "paste",
                sealer.seal(List.of(text), StockUpload.sealedFor(uploadId), eventId), null, bytes.length)));
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        log.info("stock paste submitted upload_id={} product_id={} operator_id={} bytes={}", uploadId, product.id(), in.userId(), bytes.length);
        replier.show(in, Screen.of(texts.get(in.locale(), "stock.upload.pasted", text.split("\n", -1).length, product.name())));
    }

    private void askWithdraw(Interaction in, WithdrawGoods button) {
        Optional<ProductStock> product = stock.product(button.productId());
        if (product.isEmpty()) {
            replier.staleButton(in);
            products(in, new StockProducts(0));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.ADMIN_STOCK_WITHDRAW).with("product", Long.toString(button.productId())));
        replier.show(in, new Screen(texts.get(in.locale(), "stock.withdraw.prompt", product.get().name(), product.get().available()),
                cancel(in, product.get())));
    }

    private void withdrawTyped(Interaction in, String text) {
        Optional<ProductStock> product = awaitedProduct(in);
        if (product.isEmpty()) {
            return;
        }
        Optional<Integer> quantity = count(text, 1, MAX_WITHDRAW);
        if (quantity.isEmpty()) {
            replier.show(in, new Screen(texts.get(in.locale(), "stock.withdraw.invalid") + "\n\n"
                    + texts.get(in.locale(), "stock.withdraw.prompt", product.get().name(), product.get().available()), cancel(in, product.get())));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        String requestId = UUID.randomUUID().toString();
        outbox.append(Topics.DELIVERY_COMMANDS, codec.wrap(Long.toString(product.get().id()), new WithdrawStock(requestId,
                product.get().id(), quantity.get(), in.userId())));
        replier.show(in, Screen.of(texts.get(in.locale(), "stock.withdraw.sent", quantity.get(), product.get().name())));
    }

    private void askThreshold(Interaction in, LowStockLevel button) {
        Optional<ProductStock> product = stock.product(button.productId());
        if (product.isEmpty()) {
            replier.staleButton(in);
            products(in, new StockProducts(0));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.ADMIN_STOCK_THRESHOLD).with("product", Long.toString(button.productId())));
        replier.show(in, new Screen(texts.get(in.locale(), "stock.alert.prompt", product.get().name()), cancel(in, product.get())));
    }

    private void thresholdTyped(Interaction in, String text) {
        Optional<ProductStock> product = awaitedProduct(in);
        if (product.isEmpty()) {
            return;
        }
        Optional<Integer> level = count(text, 0, MAX_WITHDRAW);
        if (level.isEmpty()) {
            replier.show(in, new Screen(texts.get(in.locale(), "stock.alert.invalid") + "\n\n"
                    + texts.get(in.locale(), "stock.alert.prompt", product.get().name()), cancel(in, product.get())));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        stock.setThreshold(product.get().id(), level.get(), in.userId());
        audit.record(in.userId(), "stock.alert", "product:" + product.get().id(),
                product.get().threshold() == null ? null : Map.of("threshold", product.get().threshold()),
                level.get() == 0 ? null : Map.of("threshold", level.get()));
        replier.show(in, productScreen(in, stock.product(product.get().id()).orElseThrow()));
    }

    /** The product the awaited input is for; gone (deleted meanwhile): back to the list. */
    private Optional<ProductStock> awaitedProduct(Interaction in) {
        String id = in.session().get("product");
        Optional<ProductStock> product = id == null ? Optional.empty() : stock.product(Long.parseLong(id));
        if (product.isEmpty()) {
            in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
            products(in, new StockProducts(0));
        }
        return product;
    }

    /** Digits only, "1.000" and "1,000" allowed as thousands: a count between {@code min} and {@code max}. */
    static Optional<Integer> count(String text, int min, int max) {
        String digits = text.strip().replaceAll("(?<=\\d)[.,](?=\\d{3}(\\D|$))", "");
        if (!digits.matches("\\d{1,7}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(digits);
        return value < min || value > max ? Optional.empty() : Optional.of(value);
    }

    private Screen uploadPrompt(Locale locale, String problemKey, ProductStock product) {
        return new Screen(texts.prompt(locale, problemKey, prompt(locale, product)), Buttons.keyboard()
                .row(button(texts.get(locale, "nav.cancel"), new StockProduct(product.id()))).build());
    }

    private String prompt(Locale locale, ProductStock product) {
        return texts.get(locale, "stock.upload.prompt", product.name(), product.available(),
                StockDocument.size(StockDocumentSubmitted.MAX_BYTES));
    }

    private org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard cancel(Interaction in, ProductStock product) {
        return Buttons.keyboard().row(button(texts.get(in.locale(), "nav.cancel"), new StockProduct(product.id()))).build();
    }

    private String line(Locale locale, ProductStock product) {
        return texts.get(locale, "admin.stock.line", Long.toString(product.id()), product.name(), product.available(), alertLevel(locale, product));
    }

    private String alertLevel(Locale locale, ProductStock product) {
        return product.threshold() == null ? texts.get(locale, "stock.alert.off") : texts.get(locale, "stock.alert.under", product.threshold());
    }
}
