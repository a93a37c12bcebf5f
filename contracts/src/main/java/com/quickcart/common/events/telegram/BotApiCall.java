package com.quickcart.common.events.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.events.EventContract;

/**
 * A command for the notifier: call Bot API {@code method} with {@code body}, which is that
 * method's own JSON as Telegram documents it (telegrambots' method objects serialise to it).
 * {@code lane} says whether someone is waiting for it: a missing lane (older producers) is
 * {@link Lane#LIVE}, so replies are never held back by bulk pacing.
 */
@EventContract(type = "BotApiCall")
public record BotApiCall(long chatId, String method, JsonNode body, Lane lane) {

    public BotApiCall {
        lane = lane == null ? Lane.LIVE : lane;
    }

    /** A reply to something the user just did. */
    public BotApiCall(long chatId, String method, JsonNode body) {
        this(chatId, method, body, Lane.LIVE);
    }

    /**
     * How the notifier paces a call. Telegram's per-chat limits hold for both, and a 429 backs
     * both off; only bulk sends wait for the bot-wide budget of about 30 messages a second.
     */
    public enum Lane {
        /** Answers a user's tap or command: the user is looking at the chat, send it now. */
        LIVE,
        /** Unsolicited notices and broadcasts: paced against the bot-wide budget, shared by every notifier instance. */
        BULK
    }
}
