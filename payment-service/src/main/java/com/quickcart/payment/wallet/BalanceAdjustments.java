package com.quickcart.payment.wallet;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.payment.BalanceAdjusted;
import com.quickcart.common.events.payment.BalanceAdjustmentRefused;
import com.quickcart.common.events.payment.BalanceAdjustmentRequested;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * An operator's credit or debit of a customer's balance: an {@code ADJUSTMENT} entry in the
 * append-only ledger, never below zero, once per adjustment id (the ledger's unique
 * (type, reference) holds even if the command arrives under another event id).
 */
@Service
public class BalanceAdjustments {

    private static final Logger log = LoggerFactory.getLogger(BalanceAdjustments.class);

    private final Wallet wallet;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final EventCodec codec;

    public BalanceAdjustments(Wallet wallet, JdbcClient jdbc, Outbox outbox, EventCodec codec) {
        this.wallet = wallet;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.codec = codec;
    }

    public void apply(BalanceAdjustmentRequested request) {
        try (var ignored = MDC.putCloseable("user_id", Long.toString(request.userId()))) {
            if (request.delta() == 0 || alreadyApplied(request.adjustmentId())) {
                return;
            }
            if (request.delta() > 0) {
                long balance = wallet.credit(request.userId(), Wallet.EntryType.ADJUSTMENT, request.delta(), request.adjustmentId());
                adjusted(request, balance);
                return;
            }
            Optional<Long> after = wallet.debit(request.userId(), Wallet.EntryType.ADJUSTMENT, -request.delta(), request.adjustmentId());
            if (after.isPresent()) {
                adjusted(request, after.get());
            } else {
                publish(request.userId(), new BalanceAdjustmentRefused(request.adjustmentId(), request.userId(), request.delta(),
                        wallet.balance(request.userId()), request.operatorId(), BalanceAdjustmentRefused.INSUFFICIENT_BALANCE));
                log.info("balance adjustment refused: debit larger than the balance");
            }
        }
    }

    private void adjusted(BalanceAdjustmentRequested request, long balance) {
        publish(request.userId(), new BalanceAdjusted(request.adjustmentId(), request.userId(), request.delta(), balance,
                request.reason(), request.operatorId()));
        log.info("balance adjusted delta={} operator={}", request.delta(), request.operatorId());
    }

    private boolean alreadyApplied(String adjustmentId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM wallet_ledger WHERE entry_type = 'ADJUSTMENT' AND reference = :ref)")
                .param("ref", adjustmentId).query(Boolean.class).single();
    }

    private void publish(long userId, Object event) {
        outbox.append(Topics.PAYMENT_EVENTS, codec.wrap(Long.toString(userId), event));
    }
}
