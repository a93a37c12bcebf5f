package com.quickcart.common.events.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.events.EventContract;

/**
 * One Telegram update exactly as the Bot API sent it. Published by ingress on
 * {@code telegram.updates}; the event id is derived from {@code update_id}, so a webhook
 * retried by Telegram is the same event and order-service's inbox drops it.
 */
@EventContract(type = "TelegramUpdateReceived")
public record TelegramUpdateReceived(long updateId, JsonNode update) {
}
