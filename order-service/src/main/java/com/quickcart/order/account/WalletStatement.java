package com.quickcart.order.account;

import java.time.Instant;
import java.util.List;

/**
 * A customer's wallet transactions as payment-service reported them, newest first: what the
 * account feature lets the history screen read from its projection (docs/adr/0026).
 */
public interface WalletStatement {

    long count(long userId);

    List<Entry> page(long userId, int page, int size);

    /** One ledger entry: its kind ({@code entry.<type>} in the bundles), the change and the balance after it. */
    record Entry(String type, long delta, long balance, String reference, Instant at) {
    }
}
