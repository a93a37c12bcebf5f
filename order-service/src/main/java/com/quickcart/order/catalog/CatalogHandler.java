package com.quickcart.order.catalog;

import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.account.UserAccounts.UserProfile;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.catalog.CatalogButtons.AllProducts;
import com.quickcart.order.catalog.CatalogButtons.BestSellers;
import com.quickcart.order.catalog.CatalogButtons.Categories;
import com.quickcart.order.catalog.CatalogButtons.ShowProduct;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.catalog.Catalog.Category;
import com.quickcart.order.catalog.Catalog.Product;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Browsing: categories, pages, best sellers, a product with its quantity, the order summary.
 * Every button carries its ids, so an old one still works, or says politely why it cannot.
 */
@Component
public class CatalogHandler implements Feature {

    private static final Pattern PRODUCT_NUMBER = Pattern.compile("#?\\d{1,9}");

    static final int PAGE_SIZE = 10;

    private final Catalog catalog;
    private final CatalogScreens screens;
    private final UserAccounts users;
    private final Replier replier;
    private final Texts texts;

    public CatalogHandler(Catalog catalog, CatalogScreens screens, UserAccounts users, Replier replier, Texts texts) {
        this.catalog = catalog;
        this.screens = screens;
        this.users = users;
        this.replier = replier;
        this.texts = texts;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(Categories.class, (in, button) -> categories(in))
                .button(CatalogButtons.Category.class, this::category)
                .button(AllProducts.class, this::allProducts)
                .button(BestSellers.class, (in, button) -> bestSellers(in))
                .button(ShowProduct.class, this::product)
                .command("/stock", this::stock)
                .menuLabel("menu.products", this::categories)
                .freeText(PRODUCT_NUMBER, (in, text) -> productNumber(in, Long.parseLong(text.replace("#", ""))));
    }

    public void categories(Interaction in) {
        replier.show(in, screens.categories(in.locale(), catalog.categories()));
    }

    public void category(Interaction in, CatalogButtons.Category button) {
        Optional<Category> category = catalog.category(button.categoryId());
        if (category.isEmpty()) {
            replier.toast(in, texts.get(in.locale(), "stale.category"));
            categories(in);
            return;
        }
        int page = button.page();
        replier.show(in, screens.page(in.locale(), category.get(), catalog.page(category.get().id(), page, PAGE_SIZE), isReseller(in)));
    }

    public void allProducts(Interaction in, AllProducts button) {
        int page = button.page();
        replier.show(in, screens.page(in.locale(), null, catalog.page(null, page, PAGE_SIZE), isReseller(in)));
    }

    public void bestSellers(Interaction in) {
        replier.show(in, screens.bestSellers(in.locale(), catalog.bestSellers(PAGE_SIZE), isReseller(in)));
    }

    /** The product with the quantity bounded by 1 and the stock. */
    public void product(Interaction in, ShowProduct button) {
        Optional<Product> product = productOf(in, button.productId());
        if (product.isEmpty()) {
            return;
        }
        showProduct(in, product.get(), button.quantity());
    }

    /** A product number typed as text. */
    public void productNumber(Interaction in, long id) {
        Optional<Product> product = catalog.product(id);
        if (product.isEmpty()) {
            replier.show(in, com.quickcart.order.bot.Screen.of(texts.get(in.locale(), "catalog.unknown.number", Long.toString(id))));
            return;
        }
        showProduct(in, product.get(), 1);
    }

    /** Why a product cannot be bought as asked (gone, sold out, not that many), then the closest valid screen. */
    public void explainUnavailable(Interaction in, Optional<Product> product, long wanted) {
        if (product.isEmpty()) {
            replier.toast(in, texts.get(in.locale(), "stale.product"));
            categories(in);
        } else if (product.get().available() == 0) {
            replier.toast(in, texts.get(in.locale(), "stale.soldout"));
            showProduct(in, product.get(), 1);
        } else {
            replier.toast(in, texts.get(in.locale(), "stale.quantity", product.get().available()));
            showProduct(in, product.get(), (int) Math.clamp(wanted, 1, product.get().available()));
        }
    }

    public void stock(Interaction in) {
        replier.show(in, screens.stockList(in.locale(), catalog.allWithStock()));
    }

    private void showProduct(Interaction in, Product product, int quantity) {
        int bounded = product.available() == 0 ? 1 : Math.clamp(quantity, 1, product.available());
        replier.show(in, screens.product(in.locale(), product, bounded, isReseller(in)));
    }

    private Optional<Product> productOf(Interaction in, long id) {
        Optional<Product> product = catalog.product(id);
        if (product.isEmpty()) {
            replier.toast(in, texts.get(in.locale(), "stale.product"));
            categories(in);
        }
        return product;
    }

    private boolean isReseller(Interaction in) {
        return users.find(in.userId()).map(UserProfile::role).orElse(UserProfile.Role.CUSTOMER) == UserProfile.Role.RESELLER;
    }
}
