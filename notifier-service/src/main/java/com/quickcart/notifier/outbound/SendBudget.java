package com.quickcart.notifier.outbound;

import java.time.Duration;

/**
 * The bot-wide share of Telegram's limits, which every notifier instance draws from: about 30
 * messages a second for bulk sends, and the pause Telegram imposes with a 429 {@code retry_after},
 * which holds for every lane. Waiting is the caller's business; the budget only says how long.
 */
public interface SendBudget {

    /** Reserves the next bulk slot and says how long to wait for it. */
    Duration reserveBulkSlot();

    /**
     * Reserves the next broadcast slot ({@link BroadcastPace}) and says how long to wait for it.
     * A caller that then finds a 429 pause running reserves again after it, rather than going
     * with everyone else the moment the pause ends.
     */
    Duration reserveBroadcastSlot();

    /** Telegram answered 429: nobody sends for {@code pause}. */
    void pauseEveryone(Duration pause);

    /** What is left of a 429 pause, zero when none is running. */
    Duration pauseRemaining();
}
