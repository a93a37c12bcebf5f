package com.quickcart.order.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.bot.button.Button;
import com.quickcart.order.menu.MenuScreens;
import com.quickcart.order.session.Session;
import com.quickcart.order.session.Session.Awaiting;
import com.quickcart.order.session.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Decides which feature handles an update, from the table the features declared ({@link Routes}).
 * Nothing here locks a user into a flow: every command and every button works at any time, and
 * using one simply replaces whatever input the session was waiting for. Free text is read as the
 * awaited input, else a menu label, else a free-text pattern (a product number), else it earns a
 * short hint. A button no feature owns (an old screen, a hand-made callback) is answered politely.
 */
@Component
public class UpdateDispatcher {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final UserAccounts users;
    private final SessionStore sessions;
    private final Replier replier;
    private final Texts texts;
    private final MenuScreens menu;
    private final Routes routes;

    public UpdateDispatcher(UserAccounts users, SessionStore sessions, Replier replier, Texts texts, MenuScreens menu,
                            Routes routes) {
        this.users = users;
        this.sessions = sessions;
        this.replier = replier;
        this.texts = texts;
        this.menu = menu;
        this.routes = routes;
    }

    public void dispatch(JsonNode rawUpdate) {
        Update update;
        try {
            update = EventCodec.mapper().treeToValue(rawUpdate, Update.class);
        } catch (JsonProcessingException e) {
            throw new EventCodec.MalformedEventException("not a Telegram update: " + e.getOriginalMessage(), e);
        }
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            long chatId = query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId();
            Integer messageId = query.getMessage() != null ? query.getMessage().getMessageId() : null;
            handle(query.getFrom(), chatId, messageId, query.getId(), in -> onButton(in, query.getData()));
        } else if (update.hasMessage() && update.getMessage().getFrom() != null && update.getMessage().getChat().isUserChat()) {
            Message message = update.getMessage();
            handle(message.getFrom(), message.getChatId(), null, null, in -> onMessage(in, message));
        } else {
            log.debug("ignoring update kind update_id={}", update.getUpdateId());
        }
    }

    private void handle(User from, long chatId, Integer buttonMessageId, String callbackId,
                        java.util.function.Consumer<Interaction> handler) {
        try (var ignored = MDC.putCloseable("chat_id", Long.toString(chatId))) {
            Locale telegramLocale = Texts.localeOf(from.getLanguageCode());
            boolean firstVisit = users.register(from.getId(), from.getFirstName(), from.getUserName(), telegramLocale.getLanguage());
            Locale locale = users.find(from.getId()).map(p -> Locale.forLanguageTag(p.language())).orElse(telegramLocale);
            if (users.isBanned(from.getId())) {
                // One polite line and nothing else: no session, no handler, no hint of why.
                Interaction banned = new Interaction(from.getId(), chatId, from.getFirstName(), from.getUserName(), locale,
                        buttonMessageId, callbackId, Session.EMPTY, false);
                if (banned.isButtonTap()) {
                    replier.toast(banned, texts.get(locale, "account.banned"));
                } else {
                    replier.send(chatId, Screen.of(texts.get(locale, "account.banned")));
                }
                return;
            }
            Session before = sessions.load(from.getId());
            Interaction in = new Interaction(from.getId(), chatId, from.getFirstName(), from.getUserName(), locale,
                    buttonMessageId, callbackId, before, firstVisit);
            handler.accept(in);
            replier.finish(in);
            saveAfterCommit(from.getId(), before, in.session());
        }
    }

    private void onButton(Interaction in, String data) {
        Optional<Button> button = routes.codec().decode(data);
        if (button.isEmpty()) {
            replier.staleButton(in);
            replier.show(in, menu.mainMenu(in));
            return;
        }
        if (!button.get().keepsAwaitedInput()) {
            // A tap elsewhere abandons whatever text we were waiting for; the handler may set a new one.
            in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        }
        routes.button(button.get()).orElseThrow().accept(in, button.get());
    }

    private void onMessage(Interaction in, Message message) {
        if (routes.takenAsReply(in, message)) {
            return;
        }
        String text = message.hasText() ? message.getText().strip() : null;
        String command = commandOf(text);
        if (command != null) {
            if (!routes.keepsInput(command)) {
                in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
            }
            routes.command(command).ifPresentOrElse(handler -> handler.accept(in), () -> replier.show(in, menu.hint(in.locale())));
            return;
        }
        Awaiting awaiting = in.session().awaiting();
        Optional<BiConsumer<Interaction, Message>> messageInput = routes.message(awaiting);
        // Where an input takes both, text goes the text way (so a menu label stays a menu label).
        if (messageInput.isPresent() && !(text != null && routes.text(awaiting).isPresent())) {
            messageInput.get().accept(in, message);
            return;
        }
        if (text == null) {
            replier.show(in, menu.hint(in.locale()));
            return;
        }
        Optional<BiConsumer<Interaction, String>> textInput = routes.text(awaiting);
        if (textInput.isPresent() && menuLabel(text).isEmpty()) {
            textInput.get().accept(in, text);
            return;
        }
        onFreeText(in, text);
    }

    private void onFreeText(Interaction in, String text) {
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        Optional<java.util.function.Consumer<Interaction>> label = menuLabel(text);
        if (label.isPresent()) {
            label.get().accept(in);
            return;
        }
        routes.freeText(text).ifPresentOrElse(handler -> handler.accept(in, text), () -> replier.show(in, menu.hint(in.locale())));
    }

    /** The handler of the reply-keyboard label {@code text} is, in either language. */
    private Optional<java.util.function.Consumer<Interaction>> menuLabel(String text) {
        return routes.menuLabels().entrySet().stream()
                .filter(e -> text.equals(texts.get(Locale.ENGLISH, e.getKey())) || text.equals(texts.get(Texts.INDONESIAN, e.getKey())))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private void saveAfterCommit(long userId, Session before, Session after) {
        if (after.equals(before)) {
            return;
        }
        // Written only once the effects of this update are committed: a rolled-back update leaves the session as it was.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sessions.save(userId, after);
            }
        });
    }

    /** "/start@MyBot payload" → "/start". */
    static String commandOf(String text) {
        if (text == null || !text.startsWith("/")) {
            return null;
        }
        String first = text.split("\\s+", 2)[0];
        int at = first.indexOf('@');
        return (at < 0 ? first : first.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
