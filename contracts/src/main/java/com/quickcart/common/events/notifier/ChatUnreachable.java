package com.quickcart.common.events.notifier;

import com.quickcart.common.events.EventContract;

/** Telegram answered 403 for this chat (the user blocked the bot or deleted their account): skip it in future audiences. */
@EventContract(type = "ChatUnreachable")
public record ChatUnreachable(long chatId) {
}
