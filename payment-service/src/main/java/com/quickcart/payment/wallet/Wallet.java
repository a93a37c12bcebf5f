package com.quickcart.payment.wallet;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.payment.BalanceChanged;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/**
 * The customers' money. Entries are appended to the ledger and never changed (a trigger refuses
 * UPDATE and DELETE); the running balance beside it moves in the same statement that checks
 * it, so concurrent spends can never take it below zero. Must run inside a transaction.
 */
@Repository
public class Wallet {

    private static final Logger log = LoggerFactory.getLogger(Wallet.class);

    public enum EntryType { DEPOSIT, PURCHASE, REFUND, ADJUSTMENT }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final EventCodec codec;

    public Wallet(JdbcClient jdbc, Outbox outbox, EventCodec codec) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.codec = codec;
    }

    public long credit(long userId, EntryType type, long amount, String reference) {
        requirePositive(amount);
        long balance = jdbc.sql("""
                        INSERT INTO wallet_balances (user_id, balance) VALUES (:user, :amount)
                        ON CONFLICT (user_id) DO UPDATE SET balance = wallet_balances.balance + EXCLUDED.balance
                        RETURNING balance
                        """)
                .param("user", userId).param("amount", amount).query(Long.class).single();
        append(userId, type, amount, balance, reference);
        return balance;
    }

    /** Takes {@code amount} if the balance covers it; empty (and nothing written) if it does not. */
    public Optional<Long> debit(long userId, EntryType type, long amount, String reference) {
        requirePositive(amount);
        Optional<Long> balance = jdbc.sql("""
                        UPDATE wallet_balances SET balance = balance - :amount
                        WHERE user_id = :user AND balance >= :amount
                        RETURNING balance
                        """)
                .param("user", userId).param("amount", amount).query(Long.class).optional();
        balance.ifPresent(after -> append(userId, type, -amount, after, reference));
        return balance;
    }

    public long balance(long userId) {
        return jdbc.sql("SELECT COALESCE((SELECT balance FROM wallet_balances WHERE user_id = :user), 0)")
                .param("user", userId).query(Long.class).single();
    }

    /** The sum of the user's ledger: always equal to {@link #balance(long)}. */
    public long ledgerSum(long userId) {
        return jdbc.sql("SELECT COALESCE(sum(amount), 0) FROM wallet_ledger WHERE user_id = :user")
                .param("user", userId).query(Long.class).single();
    }

    private void append(long userId, EntryType type, long delta, long balanceAfter, String reference) {
        long entryId = jdbc.sql("""
                        INSERT INTO wallet_ledger (user_id, entry_type, amount, balance_after, reference)
                        VALUES (:user, :type, :amount, :after, :reference) RETURNING id
                        """)
                .param("user", userId).param("type", type.name()).param("amount", delta)
                .param("after", balanceAfter).param("reference", reference)
                .query(Long.class).single();
        outbox.append(Topics.PAYMENT_EVENTS, codec.wrap(Long.toString(userId),
                new BalanceChanged(userId, entryId, type.name(), delta, balanceAfter, reference, Instant.now())));
        log.info("wallet entry type={} delta={} reference={}", type, delta, reference);
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("wallet amounts are positive rupiah, got " + amount);
        }
    }
}
