package com.quickcart.order.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** Read side of the catalogue (categories, products and their displayed stock), and the sales count that ranks best sellers. */
@Repository
public class Catalog implements Products, CatalogPages {

    private static final String PRODUCT_COLUMNS = """
            p.id, p.category_id, p.name, p.description, p.price, p.reseller_price, p.units_sold,
            COALESCE(s.available, 0) AS available
            FROM products p LEFT JOIN product_stock s ON s.product_id = p.id
            """;

    private final JdbcClient jdbc;

    public Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Category> categories() {
        return jdbc.sql("SELECT id, name FROM categories WHERE active ORDER BY sort_order, name")
                .query((rs, n) -> new Category(rs.getLong("id"), rs.getString("name"))).list();
    }

    public Optional<Category> category(long id) {
        return jdbc.sql("SELECT id, name FROM categories WHERE id = :id AND active").param("id", id)
                .query((rs, n) -> new Category(rs.getLong("id"), rs.getString("name"))).optional();
    }

    @Override
    public Optional<Product> product(long id) {
        return jdbc.sql("SELECT " + PRODUCT_COLUMNS + " WHERE p.id = :id AND p.active").param("id", id)
                .query(Catalog::product).optional();
    }

    /** One page of a category's products (or of all products when categoryId is null), by name. */
    public Page page(Long categoryId, int page, int size) {
        String where = categoryId == null ? "WHERE p.active" : "WHERE p.active AND p.category_id = :category";
        var count = jdbc.sql("SELECT count(*) FROM products p " + where);
        var rows = jdbc.sql("SELECT " + PRODUCT_COLUMNS + where + " ORDER BY p.id LIMIT :limit OFFSET :offset");
        if (categoryId != null) {
            count = count.param("category", categoryId);
            rows = rows.param("category", categoryId);
        }
        long total = count.query(Long.class).single();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.clamp(page, 0, pages - 1);
        List<Product> products = rows.param("limit", size).param("offset", current * size).query(Catalog::product).list();
        return new Page(products, current, pages);
    }

    @Override
    public void sold(long productId, int quantity) {
        jdbc.sql("UPDATE products SET units_sold = units_sold + :quantity WHERE id = :product")
                .param("quantity", quantity).param("product", productId).update();
    }

    public List<Product> bestSellers(int limit) {
        return jdbc.sql("SELECT " + PRODUCT_COLUMNS + " WHERE p.active AND p.units_sold > 0 ORDER BY p.units_sold DESC, p.id LIMIT :limit")
                .param("limit", limit).query(Catalog::product).list();
    }

    public List<Product> allWithStock() {
        return jdbc.sql("SELECT " + PRODUCT_COLUMNS + " WHERE p.active ORDER BY p.id").query(Catalog::product).list();
    }

    private static Product product(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Product(rs.getLong("id"), rs.getLong("category_id"), rs.getString("name"), rs.getString("description"),
                rs.getLong("price"), rs.getObject("reseller_price", Long.class), rs.getInt("available"), rs.getLong("units_sold"));
    }

    public record Category(long id, String name) {
    }

    public record Product(long id, long categoryId, String name, String description, long price, Long resellerPrice,
                          int available, long unitsSold) {

        /** What this user pays per unit: the reseller price for resellers when the product has one. */
        public long priceFor(boolean reseller) {
            return reseller && resellerPrice != null ? resellerPrice : price;
        }
    }

    public record Page(List<Product> products, int page, int pages) {
        public boolean isEmpty() {
            return products.isEmpty();
        }
    }
}
