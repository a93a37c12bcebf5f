package com.quickcart.order.support;

import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.config.StoreProperties;
import com.quickcart.order.support.SupportButtons.ReplyToThread;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

import java.util.List;

import static com.quickcart.order.bot.Buttons.button;

/**
 * Puts a customer's message before the store's admins as a support thread: a header naming the
 * customer and the thread, and the Reply button the admin answers with. Used by "Contact admin"
 * and by anything else that sends a customer's request to support in one tap (a refund estimate).
 */
@Component
public class SupportDesk {

    private final StoreProperties store;
    private final SupportThreads threads;
    private final Replier replier;
    private final Texts texts;

    public SupportDesk(StoreProperties store, SupportThreads threads, Replier replier, Texts texts) {
        this.store = store;
        this.threads = threads;
        this.replier = replier;
        this.texts = texts;
    }

    public boolean staffed() {
        return !store.adminIds().isEmpty();
    }

    /** Opens a thread and sends {@code body} to every admin, with {@code extra} buttons above Reply. */
    public long open(Interaction in, String body, List<InlineKeyboardButton> extra) {
        long thread = threads.open(in.userId());
        for (long admin : store.adminIds()) {
            replier.send(admin, new Screen(header(in, thread) + "\n\n" + body, keyboard(thread, extra)));
        }
        return thread;
    }

    List<Long> admins() {
        return store.adminIds();
    }

    /** Admins read the store's default language: Indonesian. */
    String header(Interaction in, long thread) {
        String username = in.username() == null ? "-" : "@" + in.username();
        return texts.get(Texts.INDONESIAN, "contact.header", in.firstName(), Long.toString(in.userId()), username, Long.toString(thread));
    }

    InlineKeyboardMarkup keyboard(long thread, List<InlineKeyboardButton> extra) {
        Buttons keyboard = Buttons.keyboard();
        if (!extra.isEmpty()) {
            keyboard.row(extra);
        }
        return keyboard.row(button(texts.get(Texts.INDONESIAN, "contact.reply.button"), new ReplyToThread(thread))).build();
    }
}
