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
public class Orders implements CustomerOrders, OrderDesk {

    private static final String COLUMNS = """
            id, user_id, chat_id, language, product_id, product_name, quantity, unit_price, discount, voucher_code,
            total, payment_method, status, created_at, subtotal, payment_fee, total_bill, refunded_amount, refunded_by,
            refund_reason
            """;

    private final JdbcClient jdbc;

    public Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The order as checkout placed it, and the chat and language it speaks to its customer in. */
    public void insert(OrderPlaced order, long chatId, String language) {
        jdbc.sql("""
                        INSERT INTO orders (id, user_id, chat_id, language, product_id, product_name, quantity, unit_price,
                                            subtotal, discount, voucher_code, total, payment_method, status)
                        VALUES (:id, :user, :chat, :language, :product, :name, :quantity, :unit, :subtotal, :discount,
                                :voucher, :total, :method, 'PENDING')
                        """)
                .param("id", order.orderId()).param("user", order.userId()).param("chat", chatId)
                .param("language", language).param("product", order.productId()).param("name", order.productName())
                .param("quantity", order.quantity()).param("unit", order.unitPrice()).param("discount", order.discount())
                .param("subtotal", order.unitPrice() * order.quantity())
                .param("voucher", order.voucherCode()).param("total", order.total())
                .param("method", order.paymentMethod().name())
                .update();
        jdbc.sql("INSERT INTO order_trail (order_id, status) VALUES (:id, 'PENDING')").param("id", order.orderId()).update();
    }

    /**
     * The guarded transition: moves the order to {@code to} only if it is in one of {@code from};
     * true only for the one caller that moved it. Steps the saga does not allow are refused
     * before any SQL runs. The move and its line in the order's trail are one statement.
     */
    public boolean move(String id, OrderStatus to, OrderStatus... from) {
        for (OrderStatus source : from) {
            if (!source.canMoveTo(to)) {
                throw new IllegalArgumentException("an order never moves from " + source + " to " + to);
            }
        }
        return jdbc.sql("""
                        WITH moved AS (
                          UPDATE orders SET status = :to, updated_at = now() WHERE id = :id AND status IN (:from) RETURNING id)
                        INSERT INTO order_trail (order_id, status) SELECT id, :to FROM moved""")
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

    /**
     * What went back to the customer's balance, by whom ({@code null} when no operator asked:
     * money that arrived after the order ended) and why. Written once.
     */
    public void recordRefund(String id, long amount, Long operatorId, String reason) {
        jdbc.sql("""
                        UPDATE orders SET refunded_amount = :amount, refunded_by = :by, refund_reason = :reason
                        WHERE id = :id AND refunded_amount IS NULL""")
                .param("amount", amount).param("by", operatorId).param("reason", reason).param("id", id).update();
    }

    @Override
    public boolean markRefunded(String id, long amount, Long operatorId, String reason) {
        boolean moved = move(id, OrderStatus.REFUNDED, OrderStatus.PAID, OrderStatus.COMPLETED);
        recordRefund(id, amount, operatorId, reason);
        return moved;
    }

    @Override
    public List<Step> trail(String id) {
        return jdbc.sql("SELECT status, at FROM order_trail WHERE order_id = :id ORDER BY seq").param("id", id)
                .query((rs, n) -> new Step(OrderStatus.valueOf(rs.getString("status")), rs.getTimestamp("at").toInstant())).list();
    }

    /** The user's paid orders with money to refund, newest first. */
    public List<Order> refundable(long userId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE user_id = :user AND status IN ('PAID', 'COMPLETED') AND total > 0"
                        + " ORDER BY created_at DESC, id LIMIT :limit")
                .param("user", userId).param("limit", limit).query(Orders::order).list();
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
                rs.getObject("payment_fee", Long.class), rs.getObject("total_bill", Long.class),
                rs.getObject("refunded_amount", Long.class), rs.getObject("refunded_by", Long.class), rs.getString("refund_reason"));
    }

    /** One line of an order's trail: the status it moved to, and when. */
    public record Step(OrderStatus status, Instant at) {
    }

    public record Order(String id, long userId, long chatId, String language, long productId, String productName,
                        int quantity, long unitPrice, long discount, String voucherCode, long total, String paymentMethod,
                        OrderStatus status, Instant createdAt, long subtotal, Long paymentFee, Long totalBill,
                        Long refundedAmount, Long refundedBy, String refundReason) {

        public boolean cancellable() {
            return status.cancellable();
        }

        /** Money was taken and none went back yet: at most {@link #total()} can be refunded, once. */
        public boolean refundable() {
            return status.refundable() && total > 0 && refundedAmount == null;
        }
    }
}
