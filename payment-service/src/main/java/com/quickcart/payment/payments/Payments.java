package com.quickcart.payment.payments;

import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.common.events.payment.PaymentRequested;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The payments table: one row per order or deposit, moved only by guarded transitions. */
@Repository
public class Payments {

    private static final String COLUMNS = "id, purpose, user_id, chat_id, language, amount, method, status, expires_at";

    private final JdbcClient jdbc;

    public Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns false when the payment already exists (a redelivered command). */
    public boolean open(PaymentRequested request) {
        return jdbc.sql("""
                        INSERT INTO payments (id, purpose, user_id, chat_id, language, amount, method, status)
                        VALUES (:id, :purpose, :user, :chat, :language, :amount, :method, 'PENDING')
                        ON CONFLICT (id) DO NOTHING
                        """)
                .param("id", request.paymentId()).param("purpose", request.purpose().name())
                .param("user", request.userId()).param("chat", request.chatId()).param("language", request.language())
                .param("amount", request.amount()).param("method", request.method().name())
                .update() == 1;
    }

    public void recordQris(String id, long fee, long totalPayment, String qrString, Instant expiresAt) {
        jdbc.sql("UPDATE payments SET fee = :fee, total_payment = :total, qr_string = :qr, expires_at = :expires, updated_at = now() WHERE id = :id")
                .param("fee", fee).param("total", totalPayment).param("qr", qrString)
                .param("expires", java.sql.Timestamp.from(expiresAt)).param("id", id).update();
    }

    /** The guarded state change: true only for the one caller that moved it. */
    public boolean move(String id, String to, String... from) {
        return jdbc.sql("UPDATE payments SET status = :to, updated_at = now() WHERE id = :id AND status IN (:from)")
                .param("to", to).param("id", id).param("from", List.of(from)).update() == 1;
    }

    public Optional<Payment> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id").param("id", id).query(Payments::payment).optional();
    }

    /** Locks one payment row for the caller's transaction, skipping rows another instance holds. */
    public Optional<Payment> lockPending(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id AND status = 'PENDING' FOR UPDATE SKIP LOCKED")
                .param("id", id).query(Payments::payment).optional();
    }

    public List<String> pendingQrisExpiredBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        SELECT id FROM payments
                        WHERE status = 'PENDING' AND method = 'QRIS' AND expires_at < :cutoff
                        ORDER BY expires_at LIMIT :limit
                        """)
                .param("cutoff", java.sql.Timestamp.from(cutoff)).param("limit", limit).query(String.class).list();
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        java.sql.Timestamp expires = rs.getTimestamp("expires_at");
        return new Payment(rs.getString("id"), PaymentPurpose.valueOf(rs.getString("purpose")), rs.getLong("user_id"),
                rs.getLong("chat_id"), rs.getString("language"), rs.getLong("amount"),
                PaymentMethod.valueOf(rs.getString("method")), rs.getString("status"), expires == null ? null : expires.toInstant());
    }

    public record Payment(String id, PaymentPurpose purpose, long userId, long chatId, String language, long amount,
                          PaymentMethod method, String status, Instant expiresAt) {
    }
}
