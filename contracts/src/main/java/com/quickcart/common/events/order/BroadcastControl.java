package com.quickcart.common.events.order;

import com.quickcart.common.events.EventContract;

/** An operator paused, resumed or cancelled a broadcast; the notifier's sender obeys within a moment. */
@EventContract(type = "BroadcastControl")
public record BroadcastControl(long broadcastId, Action action) {

    public enum Action {
        PAUSE, RESUME, CANCEL
    }
}
