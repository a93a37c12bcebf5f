package com.quickcart.order.checkout;

import com.quickcart.common.events.order.OrderPlaced;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The orders table. Status only moves by guarded transitions: the row count says who won. */
@Repository
public class Orders implements CustomerOrders {

    private static final String COLUMNS = """
            id, user_id, chat_id, language, product_id, product_name, quantity, unit_price, discount, voucher_code,
            total, payment_method, status, created_at, subtotal, payment_fee, total_bill
            """;

    private final JdbcClient jdbc;

    public Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(OrderPlaced order) {
        jdbc.sql("""
                        INSERT INTO orders (id, user_id, chat_id, language, product_id, product_name, quantity, unit_price,
                                            subtotal, discount, voucher_code, total, payment_method, status)
                        VALUES (:id, :user, :chat, :language, :product, :name, :quantity, :unit, :subtotal, :discount,
                                :voucher, :total, :method, 'PENDING')
                        """)
                .param("id", order.orderId()).param("user", order.userId()).param("chat", order.chatId())
                .param("language", order.language()).param("product", order.productId()).param("name", order.productName())
                .param("quantity", order.quantity()).param("unit", order.unitPrice()).param("discount", order.discount())
                .param("subtotal", order.unitPrice() * order.quantity())
                .param("voucher", order.voucherCode()).param("total", order.total())
                .param("method", order.paymentMethod().name())
                .update();
    }

    /**
     * The guarded transition: moves the order to {@code to} only if it is in one of {@code from};
     * true only for the one caller that moved it. Steps the saga does not allow are refused
     * before any SQL runs.
     */
    public boolean move(String id, OrderStatus to, OrderStatus... from) {
        for (OrderStatus source : from) {
            if (!source.canMoveTo(to)) {
                throw new IllegalArgumentException("an order never moves from " + source + " to " + to);
            }
        }
        return jdbc.sql("UPDATE orders SET status = :to, updated_at = now() WHERE id = :id AND status IN (:from)")
                .param("to", to.name()).param("id", id).param("from", Arrays.stream(from).map(Enum::name).toList())
                .update() == 1;
    }

    /**
     * The bill as the customer pays it: Pakasir's fee and {@code total_payment} for QRIS, no fee
     * for balance. Written once; a redelivered or late figure never changes what was shown.
     */
    public void recordBill(String id, long fee, long totalBill) {
        jdbc.sql("UPDATE orders SET payment_fee = :fee, total_bill = :bill WHERE id = :id AND total_bill IS NULL")
                .param("fee", fee).param("bill", totalBill).param("id", id).update();
    }

    /** Ids of orders in {@code status} that have not moved since before {@code cutoff}, oldest first. */
    public List<String> waitingSince(OrderStatus status, Instant cutoff, int limit) {
        return jdbc.sql("SELECT id FROM orders WHERE status = :status AND updated_at < :cutoff ORDER BY updated_at LIMIT :limit")
                .param("status", status.name()).param("cutoff", java.sql.Timestamp.from(cutoff)).param("limit", limit)
                .query(String.class).list();
    }

    /** Marks that the order was looked at now, so a repeated request waits a full interval again. */
    public void touch(String id, Instant now) {
        jdbc.sql("UPDATE orders SET updated_at = :now WHERE id = :id").param("now", java.sql.Timestamp.from(now))
                .param("id", id).update();
    }

    @Override
    public Optional<Order> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id").param("id", id).query(Orders::order).optional();
    }

    @Override
    public List<Order> page(long userId, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE user_id = :user ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("user", userId).param("limit", size).param("offset", page * size).query(Orders::order).list();
    }

    @Override
    public long count(long userId) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE user_id = :user").param("user", userId).query(Long.class).single();
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        return new Order(rs.getString("id"), rs.getLong("user_id"), rs.getLong("chat_id"), rs.getString("language"),
                rs.getLong("product_id"), rs.getString("product_name"), rs.getInt("quantity"), rs.getLong("unit_price"),
                rs.getLong("discount"), rs.getString("voucher_code"), rs.getLong("total"), rs.getString("payment_method"),
                OrderStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(), rs.getLong("subtotal"),
                rs.getObject("payment_fee", Long.class), rs.getObject("total_bill", Long.class));
    }

    public record Order(String id, long userId, long chatId, String language, long productId, String productName,
                        int quantity, long unitPrice, long discount, String voucherCode, long total, String paymentMethod,
                        OrderStatus status, Instant createdAt, long subtotal, Long paymentFee, Long totalBill) {

        public boolean cancellable() {
            return status.cancellable();
        }
    }
}
