package com.quickcart.common.events.order;

import com.quickcart.common.events.EventContract;

import java.util.List;

/**
 * One chunk of a confirmed broadcast's audience ({@code chunk} of {@code chunks}, 0-based). Every
 * chunk carries the content, so chunks are independent of one another: the notifier stores the
 * recipients of each once and starts sending with the first. The rate is not here on purpose: it
 * is the notifier's setting, shared by all its instances.
 */
@EventContract(type = "BroadcastRecipients")
public record BroadcastRecipients(long broadcastId, int chunk, int chunks, int total, BroadcastContent content,
                                  List<Long> chatIds) {
}
