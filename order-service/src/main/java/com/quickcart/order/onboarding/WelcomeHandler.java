package com.quickcart.order.onboarding;

import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.bot.BotOutbox;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.config.StoreProperties;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.User;

import java.util.Locale;

/** {@code /start}: registers the user and greets them with the store's branding. */
@Component
public class WelcomeHandler {

    private final UserAccounts users;
    private final BotOutbox bot;
    private final Texts texts;
    private final StoreProperties store;

    public WelcomeHandler(UserAccounts users, BotOutbox bot, Texts texts, StoreProperties store) {
        this.users = users;
        this.bot = bot;
        this.texts = texts;
        this.store = store;
    }

    public void start(long chatId, User from) {
        Locale locale = Texts.localeOf(from.getLanguageCode());
        users.register(from.getId(), from.getFirstName(), from.getUserName(), locale.getLanguage());
        String text = texts.get(locale, "welcome", from.getFirstName(), store.name(), store.botName(), store.supportContact());
        bot.send(chatId, SendMessage.builder().chatId(chatId).text(text).build());
    }
}
