package com.quickcart.order.menu;

import com.quickcart.order.bot.BotOutbox;
import com.quickcart.order.bot.Texts;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

import java.util.List;
import java.util.Locale;

/** Registers the bot's commands with Telegram at start, in both languages (idempotent at Telegram). */
@Component
public class CommandRegistrar {

    private static final List<String> COMMANDS = List.of("start", "help", "stock", "order", "refund", "skip");

    private final BotOutbox bot;
    private final Texts texts;
    private final TransactionTemplate tx;

    public CommandRegistrar(BotOutbox bot, Texts texts, TransactionTemplate tx) {
        this.bot = bot;
        this.texts = texts;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        tx.executeWithoutResult(status -> {
            bot.send(0, commands(Locale.ENGLISH, null));
            bot.send(0, commands(Texts.INDONESIAN, "id"));
        });
    }

    private SetMyCommands commands(Locale locale, String languageCode) {
        return SetMyCommands.builder()
                .commands(COMMANDS.stream().map(c -> new BotCommand(c, texts.get(locale, "command." + c))).toList())
                .languageCode(languageCode)
                .build();
    }
}
