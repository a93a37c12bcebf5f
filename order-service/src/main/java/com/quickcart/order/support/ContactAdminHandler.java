package com.quickcart.order.support;

import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.button.ButtonCodec;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.support.SupportButtons.ContactAdmin;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.menu.MenuButtons.MainMenu;
import com.quickcart.order.support.SupportButtons.ReplyToThread;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.config.StoreProperties;
import com.quickcart.order.session.Session.Awaiting;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.quickcart.order.bot.Buttons.button;

/**
 * Contact admin: the user's next text or photo goes to every admin with a Reply button whose
 * callback data names the thread ({@link SupportButtons.ReplyToThread}). An admin answers by replying to that
 * message or by tapping the button and typing. The thread is read only from the button the bot
 * attached, never from the text: the header holds the customer's own name, and a customer named
 * "#T1" must not receive thread 1's answer. (Telegram returns the replied-to message with its
 * inline keyboard, so no message id has to come back from the notifier.)
 */
@Component
public class ContactAdminHandler implements Feature {

    /** Reads only the Reply button, whatever else a replied-to message carries. */
    private static final ButtonCodec REPLY_BUTTONS = new ButtonCodec(List.of(ReplyToThread.class));


    private final StoreProperties store;
    private final SupportThreads threads;
    private final Replier replier;
    private final Texts texts;
    private final UserAccounts users;
    private final SupportDesk desk;

    public ContactAdminHandler(StoreProperties store, SupportThreads threads, Replier replier, Texts texts, UserAccounts users,
                               SupportDesk desk) {
        this.users = users;
        this.desk = desk;
        this.store = store;
        this.threads = threads;
        this.replier = replier;
        this.texts = texts;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(ContactAdmin.class, (in, button) -> start(in))
                .button(ReplyToThread.class, this::replyTapped)
                .menuLabel("menu.contact", this::start)
                .message(Awaiting.CONTACT_ADMIN, this::forward)
                .message(Awaiting.SUPPORT_REPLY, this::replyTyped)
                .replies(this::relayAdminReply);
    }

    public void start(Interaction in) {
        if (store.adminIds().isEmpty()) {
            replier.show(in, new Screen(texts.get(in.locale(), "contact.noadmins", store.supportContact()),
                    Buttons.keyboard().row(button(texts.get(in.locale(), "nav.menu"), new MainMenu())).build()));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.CONTACT_ADMIN));
        replier.show(in, new Screen(texts.get(in.locale(), "contact.prompt"),
                Buttons.keyboard().row(button(texts.get(in.locale(), "nav.cancel"), new MainMenu())).build()));
    }

    /** The awaited message: text or photo, anything else gets a re-prompt. */
    public void forward(Interaction in, Message message) {
        if (!message.hasText() && !message.hasPhoto()) {
            replier.show(in, Screen.of(texts.get(in.locale(), "contact.textorphoto")));
            return;
        }
        if (message.hasText()) {
            desk.open(in, message.getText(), List.of());
        } else {
            long thread = threads.open(in.userId());
            String header = desk.header(in, thread);
            String caption = message.getCaption() == null ? header : header + "\n\n" + message.getCaption();
            for (long admin : desk.admins()) {
                replier.copy(in.chatId(), message.getMessageId(), admin, caption, desk.keyboard(thread, List.of()));
            }
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        replier.show(in, new Screen(texts.get(in.locale(), "contact.sent"),
                Buttons.keyboard().row(button(texts.get(in.locale(), "nav.menu"), new MainMenu())).build()));
    }

    /** Reply, tapped by an admin: their next text or photo goes to that thread's customer. */
    public void replyTapped(Interaction in, ReplyToThread button) {
        long thread = button.thread();
        if (!store.isAdmin(in.userId()) || threads.userOf(thread).isEmpty()) {
            // Not an admin (or a thread that does not exist): the same answer as any stale button.
            replier.staleButton(in);
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.SUPPORT_REPLY).with("thread", Long.toString(thread)));
        replier.send(in.chatId(), Screen.of(texts.get(in.locale(), "contact.reply.prompt", Long.toString(thread))));
    }

    /** The admin's answer after tapping Reply. */
    public void replyTyped(Interaction in, Message message) {
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        String thread = in.session().get("thread");
        if (!store.isAdmin(in.userId()) || thread == null) {
            return;
        }
        relay(in, message, Long.parseLong(thread));
    }

    /**
     * An admin's message that replies to a forwarded one: returns true when it was relayed. The
     * thread comes from the Reply button on the replied-to message, which only the bot can set.
     */
    public boolean relayAdminReply(Interaction in, Message message) {
        if (!store.isAdmin(in.userId()) || message.getReplyToMessage() == null) {
            return false;
        }
        Optional<Long> thread = threadOf(message.getReplyToMessage());
        if (thread.isEmpty()) {
            return false;
        }
        relay(in, message, thread.get());
        return true;
    }

    private void relay(Interaction in, Message message, long thread) {
        Optional<Long> user = threads.userOf(thread);
        if (user.isEmpty()) {
            replier.send(in.chatId(), Screen.of(texts.get(in.locale(), "contact.reply.unknown")));
            return;
        }
        Locale userLocale = users.locale(user.get());
        replier.send(user.get(), Screen.of(texts.get(userLocale, "contact.reply.header")));
        replier.copy(in.chatId(), message.getMessageId(), user.get(), null, null);
        replier.send(in.chatId(), Screen.of(texts.get(in.locale(), "contact.reply.sent", Long.toString(user.get()))));
    }

    /** The thread named by the bot's own Reply button on {@code original}; empty for anything else. */
    private Optional<Long> threadOf(Message original) {
        if (original.getFrom() != null && !Boolean.TRUE.equals(original.getFrom().getIsBot())) {
            return Optional.empty();
        }
        if (original.getReplyMarkup() == null || original.getReplyMarkup().getKeyboard() == null) {
            return Optional.empty();
        }
        return original.getReplyMarkup().getKeyboard().stream().flatMap(List::stream)
                .map(button -> REPLY_BUTTONS.decode(button.getCallbackData()))
                .flatMap(Optional::stream)
                .filter(ReplyToThread.class::isInstance)
                .map(button -> ((ReplyToThread) button).thread())
                .findFirst();
    }
}
