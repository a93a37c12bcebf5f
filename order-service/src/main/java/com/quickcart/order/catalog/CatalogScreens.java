package com.quickcart.order.catalog;

import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.button.Button;
import com.quickcart.order.catalog.CatalogButtons.AllProducts;
import com.quickcart.order.catalog.CatalogButtons.BestSellers;
import com.quickcart.order.catalog.CatalogButtons.Categories;
import com.quickcart.order.catalog.CatalogButtons.ShowProduct;
import com.quickcart.order.checkout.CheckoutButtons.Summary;
import com.quickcart.order.menu.MenuButtons.MainMenu;
import java.util.function.IntFunction;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.catalog.Catalog.Category;
import com.quickcart.order.catalog.Catalog.Page;
import com.quickcart.order.catalog.Catalog.Product;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.quickcart.order.bot.Buttons.button;

/** Draws the catalogue screens; their buttons are {@link CatalogButtons}. */
@Component
public class CatalogScreens {

    /** The quantity steps under a product, as Telegram shows them. */
    private static final int[] STEPS = {-1, 1, 2, 5, 10};

    private final Texts texts;

    public CatalogScreens(Texts texts) {
        this.texts = texts;
    }

    public Screen categories(Locale locale, List<Category> categories) {
        Buttons keyboard = Buttons.keyboard();
        for (Category category : categories) {
            keyboard.row(button(category.name(), new CatalogButtons.Category(category.id(), 0)));
        }
        keyboard.row(button(texts.get(locale, "catalog.all"), new AllProducts(0)), button(texts.get(locale, "catalog.best"), new BestSellers()));
        keyboard.row(button(texts.get(locale, "nav.menu"), new MainMenu()));
        return new Screen(texts.get(locale, "catalog.categories"), keyboard.build());
    }

    /** A page of products: of one category, or of all (category null). */
    public Screen page(Locale locale, Category category, Page page, boolean reseller) {
        String title = category == null ? texts.get(locale, "catalog.all.title") : texts.get(locale, "catalog.category.title", category.name());
        Buttons keyboard = Buttons.keyboard();
        StringBuilder text = new StringBuilder(title).append("\n\n");
        if (page.isEmpty()) {
            text.append(texts.get(locale, "catalog.empty"));
        }
        for (Product product : page.products()) {
            text.append(line(locale, product, reseller)).append('\n');
            keyboard.row(button(product.id() + ". " + product.name(), new ShowProduct(product.id(), 1)));
        }
        IntFunction<Button> pageButton = category == null ? AllProducts::new : n -> new CatalogButtons.Category(category.id(), n);
        keyboard.row(Buttons.pager(page.page(), page.pages(), pageButton));
        keyboard.row(button(texts.get(locale, "nav.categories"), new Categories()), button(texts.get(locale, "nav.menu"), new MainMenu()));
        return new Screen(text.toString().strip() + "\n\n" + texts.get(locale, "catalog.pick"), keyboard.build());
    }

    public Screen bestSellers(Locale locale, List<Product> products, boolean reseller) {
        Buttons keyboard = Buttons.keyboard();
        StringBuilder text = new StringBuilder(texts.get(locale, "catalog.best.title")).append("\n\n");
        if (products.isEmpty()) {
            text.append(texts.get(locale, "catalog.best.none"));
        }
        int rank = 1;
        for (Product product : products) {
            text.append(rank++).append(". ").append(product.name()).append(" — ")
                    .append(texts.get(locale, "catalog.sold", product.unitsSold())).append('\n');
            keyboard.row(button(product.id() + ". " + product.name(), new ShowProduct(product.id(), 1)));
        }
        keyboard.row(button(texts.get(locale, "nav.categories"), new Categories()), button(texts.get(locale, "nav.menu"), new MainMenu()));
        return new Screen(text.toString().strip(), keyboard.build());
    }

    public Screen product(Locale locale, Product product, int quantity, boolean reseller) {
        long unit = product.priceFor(reseller);
        StringBuilder text = new StringBuilder()
                .append(product.id()).append(". ").append(product.name()).append("\n\n")
                .append(product.description()).append("\n\n")
                .append(texts.get(locale, reseller && product.resellerPrice() != null ? "product.price.reseller" : "product.price", Rupiah.format(unit)))
                .append('\n')
                .append(texts.get(locale, "product.stock", product.available()));
        Buttons keyboard = Buttons.keyboard();
        if (product.available() == 0) {
            text.append("\n\n").append(texts.get(locale, "product.soldout"));
        } else {
            text.append('\n').append(texts.get(locale, "product.quantity", quantity, Rupiah.format(unit * quantity)));
            List<InlineKeyboardButton> steps = new ArrayList<>();
            for (int step : STEPS) {
                int next = Math.clamp((long) quantity + step, 1, product.available());
                if (next != quantity) {
                    steps.add(button(step < 0 ? "−" : "+" + step, new ShowProduct(product.id(), next)));
                }
            }
            keyboard.row(steps);
            keyboard.row(button(texts.get(locale, "product.buy", quantity), new Summary(product.id(), quantity, null)));
        }
        keyboard.row(button(texts.get(locale, "nav.back"), new CatalogButtons.Category(product.categoryId(), 0)), button(texts.get(locale, "nav.menu"), new MainMenu()));
        return new Screen(text.toString(), keyboard.build());
    }

    public Screen stockList(Locale locale, List<Product> products) {
        StringBuilder text = new StringBuilder(texts.get(locale, "stock.title")).append("\n\n");
        for (Product product : products) {
            text.append(texts.get(locale, "stock.line", Long.toString(product.id()), product.name(), product.available())).append('\n');
        }
        if (products.isEmpty()) {
            text.append(texts.get(locale, "catalog.empty"));
        }
        return new Screen(text.toString().strip(), Buttons.keyboard().row(button(texts.get(locale, "nav.products"), new Categories())).build());
    }

    private String line(Locale locale, Product product, boolean reseller) {
        String stock = product.available() > 0 ? texts.get(locale, "catalog.instock", product.available()) : texts.get(locale, "catalog.soldout");
        return product.id() + ". " + product.name() + " — " + Rupiah.format(product.priceFor(reseller)) + " (" + stock + ")";
    }
}
