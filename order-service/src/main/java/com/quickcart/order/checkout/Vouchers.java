package com.quickcart.order.checkout;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vouchers: a percentage or a fixed amount off, a minimum purchase, a total number of uses, one
 * use per user, a validity window. {@link #check} gives the exact reason a code does not apply.
 */
@Repository
public class Vouchers {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{3,16}");

    private final JdbcClient jdbc;

    public Vouchers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /** The discount on {@code subtotal}, or the bundle key of why not. */
    public Check check(String rawCode, long userId, long subtotal, Instant now) {
        String code = normalise(rawCode);
        if (!CODE.matcher(code).matches()) {
            return Check.refused("voucher.unknown");
        }
        Optional<Voucher> found = jdbc.sql("SELECT code, kind, value, min_purchase, total_uses, used, valid_from, valid_until FROM vouchers WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> new Voucher(rs.getString("code"), rs.getString("kind"), rs.getLong("value"),
                        rs.getLong("min_purchase"), rs.getInt("total_uses"), rs.getInt("used"),
                        rs.getTimestamp("valid_from").toInstant(), rs.getTimestamp("valid_until").toInstant()))
                .optional();
        if (found.isEmpty()) {
            return Check.refused("voucher.unknown");
        }
        Voucher voucher = found.get();
        if (now.isBefore(voucher.validFrom())) {
            return Check.refused("voucher.notyet");
        }
        if (!now.isBefore(voucher.validUntil())) {
            return Check.refused("voucher.expired");
        }
        if (subtotal < voucher.minPurchase()) {
            return new Check(code, 0, "voucher.minimum", voucher.minPurchase());
        }
        if (voucher.used() >= voucher.totalUses()) {
            return Check.refused("voucher.usedup");
        }
        if (usedBy(code, userId)) {
            return Check.refused("voucher.alreadyused");
        }
        long discount = voucher.kind().equals("PERCENT") ? subtotal * voucher.value() / 100 : voucher.value();
        return new Check(code, Math.min(discount, subtotal), null, 0);
    }

    /** Takes one use for this user and order; false if the last use went to someone else meanwhile. */
    public boolean redeem(String code, long userId, String orderId) {
        boolean mine = jdbc.sql("INSERT INTO voucher_redemptions (code, user_id, order_id) VALUES (:code, :user, :order) ON CONFLICT DO NOTHING")
                .param("code", code).param("user", userId).param("order", orderId).update() == 1;
        if (!mine) {
            return false;
        }
        int taken = jdbc.sql("UPDATE vouchers SET used = used + 1 WHERE code = :code AND used < total_uses")
                .param("code", code).update();
        if (taken == 0) {
            jdbc.sql("DELETE FROM voucher_redemptions WHERE code = :code AND order_id = :order")
                    .param("code", code).param("order", orderId).update();
            return false;
        }
        return true;
    }

    /** Gives the use back when the order ends unpaid. */
    public void release(String orderId) {
        jdbc.sql("""
                        WITH gone AS (DELETE FROM voucher_redemptions WHERE order_id = :order RETURNING code)
                        UPDATE vouchers SET used = used - 1 WHERE code IN (SELECT code FROM gone)
                        """)
                .param("order", orderId).update();
    }

    /** False when the code is taken. */
    public boolean create(VoucherDraft draft) {
        return jdbc.sql("""
                        INSERT INTO vouchers (code, kind, value, min_purchase, total_uses, valid_until)
                        VALUES (:code, :kind, :value, :min, :uses, now() + make_interval(days => :days))
                        ON CONFLICT (code) DO NOTHING""")
                .param("code", draft.code()).param("kind", draft.kind()).param("value", draft.value())
                .param("min", draft.minPurchase()).param("uses", draft.totalUses()).param("days", draft.days()).update() == 1;
    }

    /** Ends the voucher's validity now; false when it was not valid any more. */
    public boolean disable(String code) {
        return jdbc.sql("UPDATE vouchers SET valid_until = now() WHERE code = :code AND valid_until > now()")
                .param("code", normalise(code)).update() == 1;
    }

    /** Every voucher, newest validity first, with its use so far. */
    public List<Summary> all() {
        return jdbc.sql("SELECT code, kind, value, min_purchase, total_uses, used, valid_until, valid_until > now() AS live FROM vouchers ORDER BY valid_until DESC, code LIMIT 50")
                .query((rs, n) -> new Summary(rs.getString("code"), rs.getString("kind"), rs.getLong("value"), rs.getLong("min_purchase"),
                        rs.getInt("total_uses"), rs.getInt("used"), rs.getTimestamp("valid_until").toInstant(), rs.getBoolean("live")))
                .list();
    }

    public record Summary(String code, String kind, long value, long minPurchase, int totalUses, int used, Instant validUntil,
                          boolean live) {
    }

    private boolean usedBy(String code, long userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM voucher_redemptions WHERE code = :code AND user_id = :user)")
                .param("code", code).param("user", userId).query(Boolean.class).single();
    }

    record Voucher(String code, String kind, long value, long minPurchase, int totalUses, int used, Instant validFrom,
                   Instant validUntil) {
    }

    /** The outcome: a discount, or a reason key (with the minimum purchase where that is the reason). */
    public record Check(String code, long discount, String reasonKey, long minimum) {
        static Check refused(String reasonKey) {
            return new Check(null, 0, reasonKey, 0);
        }

        public boolean applies() {
            return reasonKey == null;
        }
    }
}
