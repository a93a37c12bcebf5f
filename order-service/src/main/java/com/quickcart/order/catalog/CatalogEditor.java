package com.quickcart.order.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The operator's side of the catalogue tables: sees hidden rows and changes them. */
@Repository
public class CatalogEditor {

    private final JdbcClient jdbc;

    public CatalogEditor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<EditableCategory> categories() {
        return jdbc.sql("SELECT id, name, active FROM categories ORDER BY sort_order, name")
                .query((rs, n) -> new EditableCategory(rs.getLong("id"), rs.getString("name"), rs.getBoolean("active"))).list();
    }

    public Optional<EditableCategory> category(long id) {
        return jdbc.sql("SELECT id, name, active FROM categories WHERE id = :id").param("id", id)
                .query((rs, n) -> new EditableCategory(rs.getLong("id"), rs.getString("name"), rs.getBoolean("active"))).optional();
    }

    public long createCategory(String name) {
        return jdbc.sql("""
                        INSERT INTO categories (name, sort_order) VALUES (:name, (SELECT COALESCE(max(sort_order), 0) + 1 FROM categories))
                        RETURNING id""")
                .param("name", name).query(Long.class).single();
    }

    public void renameCategory(long id, String name) {
        jdbc.sql("UPDATE categories SET name = :name WHERE id = :id").param("name", name).param("id", id).update();
    }

    public void setCategoryActive(long id, boolean active) {
        jdbc.sql("UPDATE categories SET active = :active WHERE id = :id").param("active", active).param("id", id).update();
    }

    public List<EditableProduct> products(long categoryId) {
        return jdbc.sql(SELECT_PRODUCT + " WHERE category_id = :category ORDER BY id").param("category", categoryId)
                .query(CatalogEditor::product).list();
    }

    public Optional<EditableProduct> product(long id) {
        return jdbc.sql(SELECT_PRODUCT + " WHERE id = :id").param("id", id).query(CatalogEditor::product).optional();
    }

    public long createProduct(long categoryId, ProductDraft draft) {
        return jdbc.sql("""
                        INSERT INTO products (category_id, name, description, price, reseller_price)
                        VALUES (:category, :name, :description, :price, :reseller) RETURNING id""")
                .param("category", categoryId).param("name", draft.name()).param("description", draft.description())
                .param("price", draft.price()).param("reseller", draft.resellerPrice()).query(Long.class).single();
    }

    public void setPrices(long id, long price, Long resellerPrice) {
        jdbc.sql("UPDATE products SET price = :price, reseller_price = :reseller WHERE id = :id")
                .param("price", price).param("reseller", resellerPrice).param("id", id).update();
    }

    public void setProductActive(long id, boolean active) {
        jdbc.sql("UPDATE products SET active = :active WHERE id = :id").param("active", active).param("id", id).update();
    }

    private static final String SELECT_PRODUCT = "SELECT id, category_id, name, price, reseller_price, active FROM products";

    private static EditableProduct product(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new EditableProduct(rs.getLong("id"), rs.getLong("category_id"), rs.getString("name"), rs.getLong("price"),
                rs.getObject("reseller_price", Long.class), rs.getBoolean("active"));
    }

    public record EditableCategory(long id, String name, boolean active) {
    }

    public record EditableProduct(long id, long categoryId, String name, long price, Long resellerPrice, boolean active) {
    }
}
