package com.quickcart.common.events.payment;

import com.quickcart.common.events.EventContract;

import java.time.Instant;

/**
 * One wallet ledger entry, keyed by user id. {@code entryId} grows with every entry of the
 * user, so a projection keeps the entry with the highest id. {@code delta} is signed.
 */
@EventContract(type = "BalanceChanged")
public record BalanceChanged(long userId, long entryId, String entryType, long delta, long balance, String reference,
                             Instant at) {
}
