package com.quickcart.order.support;

import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.config.StoreProperties;
import com.quickcart.order.session.Session.Awaiting;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.quickcart.order.bot.Buttons.button;

/**
 * Contact admin: the user's next text or photo goes to every admin, tagged with a thread
 * number; an admin who replies to it reaches the user. The tag travels in the text itself, so
 * no message id has to come back from Telegram.
 */
@Component
public class ContactAdminHandler {

    private static final Pattern THREAD_TAG = Pattern.compile("#T(\\d{1,18})\\b");

    private final StoreProperties store;
    private final SupportThreads threads;
    private final Replier replier;
    private final Texts texts;
    private final UserAccounts users;

    public ContactAdminHandler(StoreProperties store, SupportThreads threads, Replier replier, Texts texts, UserAccounts users) {
        this.users = users;
        this.store = store;
        this.threads = threads;
        this.replier = replier;
        this.texts = texts;
    }

    public void start(Interaction in) {
        if (store.adminIds().isEmpty()) {
            replier.show(in, new Screen(texts.get(in.locale(), "contact.noadmins", store.supportContact()),
                    Buttons.keyboard().row(button(texts.get(in.locale(), "nav.menu"), "m")).build()));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.CONTACT_ADMIN));
        replier.show(in, new Screen(texts.get(in.locale(), "contact.prompt"),
                Buttons.keyboard().row(button(texts.get(in.locale(), "nav.cancel"), "m")).build()));
    }

    /** The awaited message: text or photo, anything else gets a re-prompt. */
    public void forward(Interaction in, Message message) {
        if (!message.hasText() && !message.hasPhoto()) {
            replier.show(in, Screen.of(texts.get(in.locale(), "contact.textorphoto")));
            return;
        }
        long thread = threads.open(in.userId());
        String username = in.username() == null ? "-" : "@" + in.username();
        for (long admin : store.adminIds()) {
            // Admins read the store's default language: Indonesian.
            String header = texts.get(Texts.INDONESIAN, "contact.header", in.firstName(), Long.toString(in.userId()), username, Long.toString(thread));
            if (message.hasText()) {
                replier.send(admin, Screen.of(header + "\n\n" + message.getText()));
            } else {
                String caption = message.getCaption() == null ? header : header + "\n\n" + message.getCaption();
                replier.copy(in.chatId(), message.getMessageId(), admin, caption);
            }
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        replier.show(in, new Screen(texts.get(in.locale(), "contact.sent"),
                Buttons.keyboard().row(button(texts.get(in.locale(), "nav.menu"), "m")).build()));
    }

    /** An admin's message that replies to a forwarded one: returns true when it was relayed. */
    public boolean relayAdminReply(Interaction in, Message message) {
        if (!store.isAdmin(in.userId()) || message.getReplyToMessage() == null) {
            return false;
        }
        Message original = message.getReplyToMessage();
        String tagged = original.hasText() ? original.getText() : original.getCaption();
        Matcher tag = tagged == null ? null : THREAD_TAG.matcher(tagged);
        if (tag == null || !tag.find()) {
            return false;
        }
        Optional<Long> user = threads.userOf(Long.parseLong(tag.group(1)));
        if (user.isEmpty()) {
            replier.send(in.chatId(), Screen.of(texts.get(in.locale(), "contact.reply.unknown")));
            return true;
        }
        Locale userLocale = users.find(user.get()).map(p -> Locale.forLanguageTag(p.language())).orElse(Texts.INDONESIAN);
        replier.send(user.get(), Screen.of(texts.get(userLocale, "contact.reply.header")));
        replier.copy(in.chatId(), message.getMessageId(), user.get(), null);
        replier.send(in.chatId(), Screen.of(texts.get(in.locale(), "contact.reply.sent", Long.toString(user.get()))));
        return true;
    }
}
