package com.quickcart.common.events.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.events.EventContract;

/**
 * A command for the notifier: call Bot API {@code method} with {@code body}, which is that
 * method's own JSON as Telegram documents it (telegrambots' method objects serialise to it).
 */
@EventContract(type = "BotApiCall")
public record BotApiCall(long chatId, String method, JsonNode body) {
}
