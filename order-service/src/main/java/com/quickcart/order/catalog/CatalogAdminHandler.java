package com.quickcart.order.catalog;

import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.catalog.CatalogAdminButtons.AdminCategories;
import com.quickcart.order.catalog.CatalogAdminButtons.AdminCategory;
import com.quickcart.order.catalog.CatalogAdminButtons.AdminProduct;
import com.quickcart.order.catalog.CatalogAdminButtons.EditPrice;
import com.quickcart.order.catalog.CatalogAdminButtons.NewCategory;
import com.quickcart.order.catalog.CatalogAdminButtons.NewProduct;
import com.quickcart.order.catalog.CatalogAdminButtons.RenameCategory;
import com.quickcart.order.catalog.CatalogAdminButtons.ToggleCategory;
import com.quickcart.order.catalog.CatalogAdminButtons.ToggleProduct;
import com.quickcart.order.catalog.CatalogEditor.EditableCategory;
import com.quickcart.order.catalog.CatalogEditor.EditableProduct;
import com.quickcart.order.operator.AuditTrail;
import com.quickcart.order.operator.OperatorAccess;
import com.quickcart.order.operator.OperatorButtons.OperatorMenu;
import com.quickcart.order.session.Session.Awaiting;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static com.quickcart.order.bot.Buttons.button;
import static com.quickcart.order.operator.Permission.CATALOG;

/**
 * The catalogue from the operator's chat: categories (create, rename, hide/show) and products
 * (create, reprice, hide/show). Every route requires the CATALOG permission at the moment of the
 * action; every change is audited with its before and after in the same transaction.
 */
@Component
public class CatalogAdminHandler implements Feature {

    private final CatalogEditor editor;
    private final OperatorAccess access;
    private final AuditTrail audit;
    private final Replier replier;
    private final Texts texts;

    public CatalogAdminHandler(CatalogEditor editor, OperatorAccess access, AuditTrail audit, Replier replier, Texts texts) {
        this.editor = editor;
        this.access = access;
        this.audit = audit;
        this.replier = replier;
        this.texts = texts;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(AdminCategories.class, access.requires(CATALOG, (in, button) -> categories(in)))
                .button(NewCategory.class, access.requires(CATALOG, (in, button) -> askCategoryName(in, null)))
                .button(AdminCategory.class, access.requires(CATALOG, this::category))
                .button(RenameCategory.class, access.requires(CATALOG, (in, button) -> askCategoryName(in, button.categoryId())))
                .button(ToggleCategory.class, access.requires(CATALOG, this::toggleCategory))
                .button(NewProduct.class, access.requires(CATALOG, this::askProduct))
                .button(AdminProduct.class, access.requires(CATALOG, this::product))
                .button(EditPrice.class, access.requires(CATALOG, this::askPrice))
                .button(ToggleProduct.class, access.requires(CATALOG, this::toggleProduct))
                .text(Awaiting.ADMIN_CATEGORY_NAME, access.requires(CATALOG, this::categoryNameTyped))
                .text(Awaiting.ADMIN_PRODUCT, access.requires(CATALOG, this::productTyped))
                .text(Awaiting.ADMIN_PRICE, access.requires(CATALOG, this::priceTyped));
    }

    private void categories(Interaction in) {
        Locale locale = in.locale();
        Buttons keyboard = Buttons.keyboard();
        for (EditableCategory category : editor.categories()) {
            keyboard.row(button(hiddenMark(category.active()) + category.name(), new AdminCategory(category.id())));
        }
        keyboard.row(button(texts.get(locale, "admin.category.new"), new NewCategory()))
                .row(button(texts.get(locale, "nav.back"), new OperatorMenu()));
        replier.show(in, new Screen(texts.get(locale, "admin.categories.title"), keyboard.build()));
    }

    private void category(Interaction in, AdminCategory button) {
        Optional<EditableCategory> found = editor.category(button.categoryId());
        if (found.isEmpty()) {
            replier.staleButton(in);
            categories(in);
            return;
        }
        EditableCategory category = found.get();
        Locale locale = in.locale();
        Buttons keyboard = Buttons.keyboard();
        StringBuilder text = new StringBuilder(texts.get(locale, "admin.category.title", category.name(),
                texts.get(locale, category.active() ? "admin.visible" : "admin.hidden"))).append("\n\n");
        for (EditableProduct product : editor.products(category.id())) {
            text.append(texts.get(locale, "admin.product.line", Long.toString(product.id()), hiddenMark(product.active()) + product.name(),
                    Rupiah.format(product.price()))).append('\n');
            keyboard.row(button(hiddenMark(product.active()) + product.id() + ". " + product.name(), new AdminProduct(product.id())));
        }
        keyboard.row(button(texts.get(locale, "admin.product.new"), new NewProduct(category.id())))
                .row(button(texts.get(locale, "admin.category.rename"), new RenameCategory(category.id())),
                        button(texts.get(locale, category.active() ? "admin.hide" : "admin.show"), new ToggleCategory(category.id())))
                .row(button(texts.get(locale, "nav.back"), new AdminCategories()));
        replier.show(in, new Screen(text.toString().strip(), keyboard.build()));
    }

    private void askCategoryName(Interaction in, Long categoryId) {
        var session = in.session().awaiting(Awaiting.ADMIN_CATEGORY_NAME);
        in.replaceSession(categoryId == null ? session.with("category", "") : session.with("category", Long.toString(categoryId)));
        replier.show(in, new Screen(texts.get(in.locale(), "admin.category.prompt"),
                Buttons.keyboard().row(button(texts.get(in.locale(), "nav.cancel"), new AdminCategories())).build()));
    }

    private void categoryNameTyped(Interaction in, String text) {
        String name = text.strip();
        if (name.isEmpty() || name.length() > 48) {
            replier.show(in, Screen.of(texts.prompt(in.locale(), "admin.category.invalid", texts.get(in.locale(), "admin.category.prompt"))));
            return;
        }
        String category = in.session().get("category");
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        if (category == null || category.isEmpty()) {
            long id = editor.createCategory(name);
            audit.record(in.userId(), "category.create", "category:" + id, null, Map.of("name", name));
            category(in, new AdminCategory(id));
            return;
        }
        long id = Long.parseLong(category);
        Optional<EditableCategory> before = editor.category(id);
        if (before.isEmpty()) {
            categories(in);
            return;
        }
        editor.renameCategory(id, name);
        audit.record(in.userId(), "category.rename", "category:" + id, Map.of("name", before.get().name()), Map.of("name", name));
        category(in, new AdminCategory(id));
    }

    private void toggleCategory(Interaction in, ToggleCategory button) {
        editor.category(button.categoryId()).ifPresent(category -> {
            editor.setCategoryActive(category.id(), !category.active());
            audit.record(in.userId(), category.active() ? "category.hide" : "category.show", "category:" + category.id(),
                    Map.of("active", category.active()), Map.of("active", !category.active()));
        });
        category(in, new AdminCategory(button.categoryId()));
    }

    private void askProduct(Interaction in, NewProduct button) {
        if (editor.category(button.categoryId()).isEmpty()) {
            replier.staleButton(in);
            categories(in);
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.ADMIN_PRODUCT).with("category", Long.toString(button.categoryId())));
        replier.show(in, productPrompt(in.locale(), null, button.categoryId()));
    }

    private void productTyped(Interaction in, String text) {
        long categoryId = Long.parseLong(in.session().get("category"));
        ProductDraft.Result result = ProductDraft.parse(text);
        if (!result.ok()) {
            replier.show(in, productPrompt(in.locale(), result.errorKey(), categoryId));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        ProductDraft draft = result.draft();
        long id = editor.createProduct(categoryId, draft);
        Map<String, Object> after = new HashMap<>(Map.of("name", draft.name(), "category", categoryId, "price", draft.price()));
        if (draft.resellerPrice() != null) {
            after.put("reseller_price", draft.resellerPrice());
        }
        audit.record(in.userId(), "product.create", "product:" + id, null, after);
        product(in, new AdminProduct(id));
    }

    private void product(Interaction in, AdminProduct button) {
        Optional<EditableProduct> found = editor.product(button.productId());
        if (found.isEmpty()) {
            replier.staleButton(in);
            categories(in);
            return;
        }
        EditableProduct product = found.get();
        Locale locale = in.locale();
        String reseller = product.resellerPrice() == null ? "-" : Rupiah.format(product.resellerPrice());
        replier.show(in, new Screen(texts.get(locale, "admin.product.title", Long.toString(product.id()), product.name(), Rupiah.format(product.price()),
                reseller, texts.get(locale, product.active() ? "admin.visible" : "admin.hidden")), Buttons.keyboard()
                .row(button(texts.get(locale, "admin.price.edit"), new EditPrice(product.id())),
                        button(texts.get(locale, product.active() ? "admin.hide" : "admin.show"), new ToggleProduct(product.id())))
                .row(button(texts.get(locale, "nav.back"), new AdminCategory(product.categoryId())))
                .build()));
    }

    private void askPrice(Interaction in, EditPrice button) {
        if (editor.product(button.productId()).isEmpty()) {
            replier.staleButton(in);
            categories(in);
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.ADMIN_PRICE).with("product", Long.toString(button.productId())));
        replier.show(in, pricePrompt(in.locale(), null, button.productId()));
    }

    /** "price" or "price reseller-price" on one line, e.g. "45000 40000" or "Rp 45.000 / Rp 40.000". */
    private void priceTyped(Interaction in, String text) {
        long productId = Long.parseLong(in.session().get("product"));
        Optional<EditableProduct> before = editor.product(productId);
        if (before.isEmpty()) {
            in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
            categories(in);
            return;
        }
        String[] parts = text.replaceAll("(?i)rp\\.?", " ").strip().split("[\\s/|;]+");
        Optional<Long> price = ProductDraft.rupiah(parts[0]);
        Optional<Long> reseller = parts.length > 1 ? ProductDraft.rupiah(parts[1]) : Optional.empty();
        if (price.isEmpty() || parts.length > 2 || (parts.length == 2 && reseller.isEmpty())) {
            replier.show(in, pricePrompt(in.locale(), "admin.price.invalid", productId));
            return;
        }
        if (reseller.isPresent() && reseller.get() > price.get()) {
            replier.show(in, pricePrompt(in.locale(), "admin.price.reseller", productId));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        editor.setPrices(productId, price.get(), reseller.orElse(null));
        Map<String, Object> was = new HashMap<>(Map.of("price", before.get().price()));
        if (before.get().resellerPrice() != null) {
            was.put("reseller_price", before.get().resellerPrice());
        }
        Map<String, Object> now = new HashMap<>(Map.of("price", price.get()));
        reseller.ifPresent(value -> now.put("reseller_price", value));
        audit.record(in.userId(), "product.price", "product:" + productId, was, now);
        product(in, new AdminProduct(productId));
    }

    private void toggleProduct(Interaction in, ToggleProduct button) {
        editor.product(button.productId()).ifPresent(product -> {
            editor.setProductActive(product.id(), !product.active());
            audit.record(in.userId(), product.active() ? "product.hide" : "product.show", "product:" + product.id(),
                    Map.of("active", product.active()), Map.of("active", !product.active()));
        });
        product(in, new AdminProduct(button.productId()));
    }

    private Screen productPrompt(Locale locale, String errorKey, long categoryId) {
        String prompt = texts.get(locale, "admin.product.prompt");
        return new Screen(texts.prompt(locale, errorKey, prompt),
                Buttons.keyboard().row(button(texts.get(locale, "nav.cancel"), new AdminCategory(categoryId))).build());
    }

    private Screen pricePrompt(Locale locale, String errorKey, long productId) {
        String prompt = texts.get(locale, "admin.price.prompt");
        return new Screen(texts.prompt(locale, errorKey, prompt),
                Buttons.keyboard().row(button(texts.get(locale, "nav.cancel"), new AdminProduct(productId))).build());
    }

    private static String hiddenMark(boolean active) {
        return active ? "" : "\uD83D\uDEAB ";
    }
}
