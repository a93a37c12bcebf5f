package com.quickcart.order.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.order.account.AccountHandler;
import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.catalog.CatalogHandler;
import com.quickcart.order.checkout.CheckoutHandler;
import com.quickcart.order.deposit.DepositHandler;
import com.quickcart.order.history.HistoryHandler;
import com.quickcart.order.menu.MenuScreens;
import com.quickcart.order.onboarding.OnboardingHandler;
import com.quickcart.order.session.Session;
import com.quickcart.order.session.Session.Awaiting;
import com.quickcart.order.session.SessionStore;
import com.quickcart.order.support.ContactAdminHandler;
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
import java.util.regex.Pattern;

/**
 * Decides which feature handles an update. Nothing here locks a user into a flow: every
 * command and every button works at any time, and using one simply replaces whatever input
 * the session was waiting for. Free text is read as the awaited input, else a menu label,
 * else a product number, else it earns a short hint.
 */
@Component
public class UpdateDispatcher {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);
    private static final Pattern PRODUCT_NUMBER = Pattern.compile("#?\\d{1,9}");

    private final UserAccounts users;
    private final SessionStore sessions;
    private final Replier replier;
    private final Texts texts;
    private final MenuScreens menu;
    private final OnboardingHandler onboarding;
    private final CatalogHandler catalog;
    private final AccountHandler account;
    private final ContactAdminHandler support;
    private final CheckoutHandler checkout;
    private final DepositHandler deposit;
    private final HistoryHandler history;

    public UpdateDispatcher(UserAccounts users, SessionStore sessions, Replier replier, Texts texts, MenuScreens menu,
                            OnboardingHandler onboarding, CatalogHandler catalog, AccountHandler account,
                            ContactAdminHandler support, CheckoutHandler checkout, DepositHandler deposit,
                            HistoryHandler history) {
        this.checkout = checkout;
        this.deposit = deposit;
        this.history = history;
        this.users = users;
        this.sessions = sessions;
        this.replier = replier;
        this.texts = texts;
        this.menu = menu;
        this.onboarding = onboarding;
        this.catalog = catalog;
        this.account = account;
        this.support = support;
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
            handle(query.getFrom(), chatId, messageId, query.getId(), in -> onButton(in, CallbackData.parse(query.getData())));
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
            Session before = sessions.load(from.getId());
            Interaction in = new Interaction(from.getId(), chatId, from.getFirstName(), from.getUserName(), locale,
                    buttonMessageId, callbackId, before, firstVisit);
            handler.accept(in);
            replier.finish(in);
            saveAfterCommit(from.getId(), before, in.session());
        }
    }

    private void onButton(Interaction in, CallbackData data) {
        String action = data.action();
        if (!action.equals("skip") && !action.equals("noop")) {
            // A tap elsewhere abandons whatever text we were waiting for; the handler may set a new one.
            in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        }
        switch (action) {
            case "m" -> replier.show(in, menu.mainMenu(in.locale()));
            case "cats" -> catalog.categories(in);
            case "c" -> catalog.category(in, data);
            case "all" -> catalog.allProducts(in, data);
            case "best" -> catalog.bestSellers(in);
            case "p" -> catalog.product(in, data);
            case "buy" -> checkout.summary(in, data);
            case "vch" -> checkout.askVoucher(in, data);
            case "pay" -> checkout.pay(in, data);
            case "cancel" -> checkout.cancel(in, data);
            case "dep" -> {
                if (data.text(1).isPresent()) {
                    deposit.chosen(in, data);
                } else {
                    deposit.menu(in);
                }
            }
            case "ho" -> history.orders(in, data);
            case "o" -> history.order(in, data);
            case "rs" -> history.resend(in, data);
            case "ht" -> history.transactions(in, data);
            case "acc" -> {
                if (data.text(1).filter("e"::equals).isPresent()) {
                    account.edit(in, data);
                } else {
                    account.profile(in);
                }
            }
            case "lang" -> account.language(in, data);
            case "help" -> replier.show(in, menu.help(in.locale()));
            case "contact" -> support.start(in);
            case "sr" -> support.replyTapped(in, data);
            case "skip" -> onboarding.skip(in);
            case "noop" -> replier.finish(in);
            default -> {
                replier.toast(in, texts.get(in.locale(), "stale.button"));
                replier.show(in, menu.mainMenu(in.locale()));
            }
        }
    }

    private void onMessage(Interaction in, Message message) {
        if (support.relayAdminReply(in, message)) {
            return;
        }
        String text = message.hasText() ? message.getText().strip() : null;
        String command = commandOf(text);
        if (command != null) {
            onCommand(in, command);
            return;
        }
        Awaiting awaiting = in.session().awaiting();
        if (awaiting == Awaiting.CONTACT_ADMIN) {
            support.forward(in, message);
        } else if (awaiting == Awaiting.SUPPORT_REPLY) {
            support.replyTyped(in, message);
        } else if (text == null) {
            replier.show(in, menu.hint(in.locale()));
        } else if (OnboardingHandler.isStep(awaiting) && !isMenuLabel(text)) {
            onboarding.answer(in, text);
        } else if (AccountHandler.isEdit(awaiting) && !isMenuLabel(text)) {
            account.answer(in, text);
        } else if (awaiting == Awaiting.VOUCHER && !isMenuLabel(text)) {
            checkout.voucherTyped(in, text);
        } else if (awaiting == Awaiting.DEPOSIT_AMOUNT && !isMenuLabel(text)) {
            deposit.amountTyped(in, text);
        } else {
            onFreeText(in, text);
        }
    }

    private void onCommand(Interaction in, String command) {
        if (!command.equals("/skip")) {
            in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        }
        switch (command) {
            case "/start" -> onboarding.start(in);
            case "/skip" -> onboarding.skip(in);
            case "/help" -> replier.show(in, menu.help(in.locale()));
            case "/stock" -> catalog.stock(in);
            case "/order" -> replier.show(in, menu.orderGuide(in.locale()));
            case "/menu" -> replier.show(in, menu.mainMenu(in.locale()));
            default -> replier.show(in, menu.hint(in.locale()));
        }
    }

    private void onFreeText(Interaction in, String text) {
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        switch (menuLabelKey(text)) {
            case "menu.products" -> catalog.categories(in);
            case "menu.account" -> account.profile(in);
            case "menu.contact" -> support.start(in);
            case "menu.deposit" -> deposit.menu(in);
            case "menu.help" -> replier.show(in, menu.help(in.locale()));
            default -> {
                if (PRODUCT_NUMBER.matcher(text).matches()) {
                    catalog.productNumber(in, Long.parseLong(text.replace("#", "")));
                } else {
                    replier.show(in, menu.hint(in.locale()));
                }
            }
        }
    }

    private boolean isMenuLabel(String text) {
        return !menuLabelKey(text).isEmpty();
    }

    private String menuLabelKey(String text) {
        for (String key : MenuScreens.MENU_LABELS) {
            if (text.equals(texts.get(Locale.ENGLISH, key)) || text.equals(texts.get(Texts.INDONESIAN, key))) {
                return key;
            }
        }
        return "";
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
