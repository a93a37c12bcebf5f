package com.quickcart.common.events.notifier;

import com.quickcart.common.events.EventContract;

/**
 * Where a broadcast stands, sent every few seconds while it runs and once more when it ends
 * ({@code finished}). Counts are of recipients: {@code remaining} still to try, {@code perSecond}
 * the rate achieved over the last period.
 */
@EventContract(type = "BroadcastProgressed")
public record BroadcastProgressed(long broadcastId, String state, int total, int sent, int blocked, int failed,
                                  int remaining, double perSecond, boolean finished) {
}
