package com.quickcart.notifier.outbound;

/** How one Bot API call ended. */
public record SendOutcome(Status status, Long telegramMessageId, int attempts, String error) {

    public enum Status {
        /** Telegram accepted the call. */
        SENT,
        /** The user blocked the bot or left: nothing to retry, nothing to alert on. */
        UNREACHABLE,
        /** An edit that changed nothing (a double tap): Telegram says 400, the user sees no difference. */
        UNCHANGED,
        /**
         * Telegram refuses for good and there is nothing left to do: the message to edit or delete
         * is gone or too old, the button's query expired. Done, counted, not dead-lettered.
         */
        OBSOLETE,
        /** An editMessageText aimed at a photo (the QR): the caller answers with a caption edit or a new message. */
        NOT_A_TEXT_MESSAGE
    }
}
