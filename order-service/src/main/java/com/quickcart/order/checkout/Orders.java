package com.quickcart.order.checkout;

import com.quickcart.common.events.order.OrderPlaced;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The orders table. Status only moves by guarded transitions: the row count says who won. */
@Repository
public class Orders {

    private static final String COLUMNS = """
            id, user_id, chat_id, language, product_id, product_name, quantity, unit_price, discount, voucher_code,
            total, payment_method, status, created_at
            """;

    private final JdbcClient jdbc;

    public Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(OrderPlaced order) {
        jdbc.sql("""
                        INSERT INTO orders (id, user_id, chat_id, language, product_id, product_name, quantity, unit_price,
                                            discount, voucher_code, total, payment_method, status)
                        VALUES (:id, :user, :chat, :language, :product, :name, :quantity, :unit, :discount, :voucher,
                                :total, :method, 'PENDING')
                        """)
                .param("id", order.orderId()).param("user", order.userId()).param("chat", order.chatId())
                .param("language", order.language()).param("product", order.productId()).param("name", order.productName())
                .param("quantity", order.quantity()).param("unit", order.unitPrice()).param("discount", order.discount())
                .param("voucher", order.voucherCode()).param("total", order.total())
                .param("method", order.paymentMethod().name())
                .update();
    }

    public boolean move(String id, String to, String... from) {
        return jdbc.sql("UPDATE orders SET status = :to, updated_at = now() WHERE id = :id AND status IN (:from)")
                .param("to", to).param("id", id).param("from", List.of(from)).update() == 1;
    }

    public Optional<Order> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id").param("id", id).query(Orders::order).optional();
    }

    public List<Order> page(long userId, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE user_id = :user ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("user", userId).param("limit", size).param("offset", page * size).query(Orders::order).list();
    }

    public long count(long userId) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE user_id = :user").param("user", userId).query(Long.class).single();
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        return new Order(rs.getString("id"), rs.getLong("user_id"), rs.getLong("chat_id"), rs.getString("language"),
                rs.getLong("product_id"), rs.getString("product_name"), rs.getInt("quantity"), rs.getLong("unit_price"),
                rs.getLong("discount"), rs.getString("voucher_code"), rs.getLong("total"), rs.getString("payment_method"),
                rs.getString("status"), rs.getTimestamp("created_at").toInstant());
    }

    public record Order(String id, long userId, long chatId, String language, long productId, String productName,
                        int quantity, long unitPrice, long discount, String voucherCode, long total, String paymentMethod,
                        String status, Instant createdAt) {

        public boolean cancellable() {
            return status.equals("PENDING") || status.equals("AWAITING_PAYMENT");
        }
    }
}
