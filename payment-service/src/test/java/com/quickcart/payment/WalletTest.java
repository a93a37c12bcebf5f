package com.quickcart.payment;

import com.quickcart.payment.wallet.Wallet;
import com.quickcart.payment.wallet.Wallet.EntryType;
import com.quickcart.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = PaymentServiceApplication.class, properties = {
        "spring.config.name=payment-service",
        "PAKASIR_API_KEY=unused-here",
        "PAKASIR_API_URL=http://127.0.0.1:9"})
class WalletTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.infrastructure().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired Wallet wallet;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void twentyConcurrentSpendsNeverTakeTheBalanceBelowZeroAndTheLedgerAddsUp() throws Exception {
        long user = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        tx.executeWithoutResult(s -> wallet.credit(user, EntryType.DEPOSIT, 100_000, "DP-" + user));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Long>>> spends = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                String order = "QC-SPEND" + user + "-" + i;
                spends.add(pool.submit(() -> {
                    start.await();
                    return tx.execute(s -> wallet.debit(user, EntryType.PURCHASE, 15_000, order));
                }));
            }
            start.countDown();
        }

        long succeeded = 0;
        for (Future<Optional<Long>> spend : spends) {
            succeeded += spend.get().isPresent() ? 1 : 0;
        }
        assertThat(succeeded).isEqualTo(6); // 6 x 15.000 fits in 100.000, a 7th does not
        assertThat(wallet.balance(user)).isEqualTo(10_000).isEqualTo(wallet.ledgerSum(user));
        assertThat(jdbc.sql("SELECT min(balance_after) FROM wallet_ledger WHERE user_id = :u").param("u", user)
                .query(Long.class).single()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theLedgerIsAppendOnly() {
        long user = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        tx.executeWithoutResult(s -> wallet.credit(user, EntryType.DEPOSIT, 5_000, "DP-APPEND-" + user));

        assertThatThrownBy(() -> jdbc.sql("UPDATE wallet_ledger SET amount = 999999 WHERE user_id = :u").param("u", user).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM wallet_ledger WHERE user_id = :u").param("u", user).update())
                .hasMessageContaining("append-only");
        assertThat(wallet.ledgerSum(user)).isEqualTo(5_000);
    }

    @Test
    void theSameDepositCannotBeCreditedTwice() {
        long user = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        tx.executeWithoutResult(s -> wallet.credit(user, EntryType.DEPOSIT, 5_000, "DP-ONCE-" + user));

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> wallet.credit(user, EntryType.DEPOSIT, 5_000, "DP-ONCE-" + user)))
                .hasMessageContaining("duplicate key");
        assertThat(wallet.balance(user)).isEqualTo(5_000).isEqualTo(wallet.ledgerSum(user));
    }
}
