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

    private static final String COLUMNS = "id, purpose, user_id, amount, method, status, expires_at,"
            + " qr_string IS NOT NULL AS qris_created, verify_requests, last_verified_at, cancel_due";

    /** Rows that owe Pakasir a call: a QRIS to create, a callback to verify, a code to cancel. */
    private static final String OWES_PAKASIR =
            "(verify_requests > 0 OR cancel_due OR (status = 'PENDING' AND method = 'QRIS' AND qr_string IS NULL))";

    private final JdbcClient jdbc;

    public Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns false when the payment already exists (a redelivered command). */
    public boolean open(PaymentRequested request) {
        return jdbc.sql("""
                        INSERT INTO payments (id, purpose, user_id, amount, method, status)
                        VALUES (:id, :purpose, :user, :amount, :method, 'PENDING')
                        ON CONFLICT (id) DO NOTHING
                        """)
                .param("id", request.paymentId()).param("purpose", request.purpose().name())
                .param("user", request.userId())
                .param("amount", request.amount()).param("method", request.method().name())
                .update() == 1;
    }

    /** Records the QRIS Pakasir created; false when the payment ended meanwhile or already has its code. */
    public boolean recordQris(String id, long fee, long totalPayment, String qrString, Instant expiresAt) {
        return jdbc.sql("""
                        UPDATE payments SET fee = :fee, total_payment = :total, qr_string = :qr, expires_at = :expires, updated_at = now()
                        WHERE id = :id AND status = 'PENDING' AND qr_string IS NULL
                        """)
                .param("fee", fee).param("total", totalPayment).param("qr", qrString)
                .param("expires", java.sql.Timestamp.from(expiresAt)).param("id", id).update() == 1;
    }

    /**
     * A callback asks for a detail check. Requests add up in one counter, so a thousand callbacks
     * for one payment still cost one check; only payments whose money may still arrive count.
     */
    public boolean requestVerification(String id) {
        return jdbc.sql("""
                        UPDATE payments SET verify_requests = verify_requests + 1
                        WHERE id = :id AND method = 'QRIS' AND status IN ('PENDING', 'EXPIRED', 'CANCELLED')
                        """)
                .param("id", id).update() == 1;
    }

    /** Pakasir was asked at {@code at}: the requests seen before asking are answered. */
    public void verified(String id, int requestsAnswered, Instant at) {
        jdbc.sql("""
                        UPDATE payments SET verify_requests = GREATEST(verify_requests - :answered, 0), last_verified_at = :at
                        WHERE id = :id
                        """)
                .param("answered", requestsAnswered).param("at", java.sql.Timestamp.from(at)).param("id", id).update();
    }

    public void cancelDue(String id, boolean due) {
        jdbc.sql("UPDATE payments SET cancel_due = :due WHERE id = :id").param("due", due).param("id", id).update();
    }

    /**
     * Takes the lease on a payment's Pakasir work until {@code until}, in one autocommitted
     * statement, so no transaction or row lock is held while Pakasir answers. Empty when another
     * thread or instance holds an unexpired lease. A crash leaves the lease to run out and the
     * work to be found again by {@link #owingPakasir}.
     */
    public Optional<Payment> claim(String id, Instant now, Instant until) {
        return jdbc.sql("UPDATE payments SET checking_until = :until WHERE id = :id"
                        + " AND (checking_until IS NULL OR checking_until <= :now) RETURNING " + COLUMNS)
                .param("until", java.sql.Timestamp.from(until)).param("now", java.sql.Timestamp.from(now)).param("id", id)
                .query(Payments::payment).optional();
    }

    /** Ends the caller's lease; a lease that ran out and was taken over by another worker is left to it. */
    public void release(String id, Instant until) {
        jdbc.sql("UPDATE payments SET checking_until = NULL WHERE id = :id AND checking_until = :until")
                .param("id", id).param("until", java.sql.Timestamp.from(until)).update();
    }

    /**
     * Payments that owe Pakasir a call now and that nobody is working on: callbacks to verify
     * count only once the payment's last detail call is older than its window (pending:
     * {@code pendingCheckedBefore}, ended unpaid: {@code endedCheckedBefore}), so callbacks
     * inside a window wait for it without crowding out other work.
     */
    public List<String> owingPakasir(Instant now, Instant pendingCheckedBefore, Instant endedCheckedBefore, int limit) {
        return jdbc.sql("SELECT id FROM payments WHERE " + OWES_PAKASIR + """
                          AND (checking_until IS NULL OR checking_until <= :now)
                          AND (cancel_due
                               OR (status = 'PENDING' AND method = 'QRIS' AND qr_string IS NULL)
                               OR (verify_requests > 0 AND status = 'PENDING'
                                   AND (last_verified_at IS NULL OR last_verified_at <= :pendingBefore))
                               OR (verify_requests > 0 AND status IN ('EXPIRED', 'CANCELLED')
                                   AND (last_verified_at IS NULL OR last_verified_at <= :endedBefore)))
                        ORDER BY updated_at LIMIT :limit
                        """)
                .param("now", java.sql.Timestamp.from(now))
                .param("pendingBefore", java.sql.Timestamp.from(pendingCheckedBefore))
                .param("endedBefore", java.sql.Timestamp.from(endedCheckedBefore))
                .param("limit", limit).query(String.class).list();
    }

    /** The guarded state change: true only for the one caller that moved it. */
    public boolean move(String id, String to, String... from) {
        return jdbc.sql("UPDATE payments SET status = :to, updated_at = now() WHERE id = :id AND status IN (:from)")
                .param("to", to).param("id", id).param("from", List.of(from)).update() == 1;
    }

    /**
     * Refunds {@code amount} of a paid payment: {@code PAID → REFUNDED} with the amount, once.
     * False when it is no longer paid (refunded already, by this or a concurrent request).
     */
    public boolean refund(String id, long amount) {
        return jdbc.sql("UPDATE payments SET status = 'REFUNDED', refunded_amount = :amount, updated_at = now() WHERE id = :id AND status = 'PAID'")
                .param("amount", amount).param("id", id).update() == 1;
    }

    /** Money that arrived after its order ended goes back whole: the amount is recorded with the move already made. */
    public void recordRefunded(String id, long amount) {
        jdbc.sql("UPDATE payments SET refunded_amount = :amount WHERE id = :id AND status = 'REFUNDED' AND refunded_amount IS NULL")
                .param("amount", amount).param("id", id).update();
    }

    /** How much of the payment went back to the balance; 0 when none did. */
    public long refunded(String id) {
        return jdbc.sql("SELECT COALESCE((SELECT refunded_amount FROM payments WHERE id = :id), 0)").param("id", id)
                .query(Long.class).single();
    }

    public Optional<Payment> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id").param("id", id).query(Payments::payment).optional();
    }

    public List<String> pendingQrisExpiredBefore(Instant cutoff, Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM payments
                        WHERE status = 'PENDING' AND method = 'QRIS' AND expires_at < :cutoff
                          AND (checking_until IS NULL OR checking_until <= :now)
                        ORDER BY expires_at LIMIT :limit
                        """)
                .param("cutoff", java.sql.Timestamp.from(cutoff)).param("now", java.sql.Timestamp.from(now))
                .param("limit", limit).query(String.class).list();
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(rs.getString("id"), PaymentPurpose.valueOf(rs.getString("purpose")), rs.getLong("user_id"), rs.getLong("amount"),
                PaymentMethod.valueOf(rs.getString("method")), rs.getString("status"), instant(rs, "expires_at"),
                rs.getBoolean("qris_created"), rs.getInt("verify_requests"), instant(rs, "last_verified_at"),
                rs.getBoolean("cancel_due"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /**
     * One payment with what it owes Pakasir: {@code qrisCreated} false on a pending QRIS payment
     * means the code is still to be created; {@code verifyRequests} counts callbacks not yet
     * checked with the detail API, last done at {@code lastVerifiedAt}; {@code cancelDue} means
     * the code is still to be cancelled there.
     */
    public record Payment(String id, PaymentPurpose purpose, long userId, long amount,
                          PaymentMethod method, String status, Instant expiresAt, boolean qrisCreated,
                          int verifyRequests, Instant lastVerifiedAt, boolean cancelDue) {

        public boolean pending() {
            return status.equals("PENDING");
        }

        /** Ended without money: a payment made at the last second can still be settled (and is refunded). */
        public boolean endedUnpaid() {
            return status.equals("EXPIRED") || status.equals("CANCELLED");
        }
    }
}
