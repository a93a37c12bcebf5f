package com.quickcart.notifier.outbound;

/** How one Bot API call ended. */
public record SendOutcome(Status status, Long telegramMessageId, int attempts, String error) {

    public enum Status {
        /** Telegram accepted the call. */
        SENT,
        /** The user blocked the bot or left: nothing to retry, nothing to alert on. */
        UNREACHABLE,
        /** An edit that changed nothing (a double tap): Telegram says 400, the user sees no difference. */
        UNCHANGED
    }
}
