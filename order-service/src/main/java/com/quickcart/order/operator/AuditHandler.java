package com.quickcart.order.operator;

import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.bot.BotOutbox;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.config.StoreProperties;
import com.quickcart.order.operator.OperatorButtons.AuditPage;
import com.quickcart.order.operator.OperatorButtons.ExportAudit;
import com.quickcart.order.operator.OperatorButtons.FilterAudit;
import com.quickcart.order.operator.OperatorButtons.OperatorMenu;
import com.quickcart.order.session.Session.Awaiting;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static com.quickcart.order.bot.Buttons.button;

/**
 * {@code /audit} (owners): the trail of operator actions and money movements, newest first, ten
 * a page; narrowed to one operator or customer by id or @username; exported whole as CSV. An
 * export is itself an entry of the trail.
 */
@Component
public class AuditHandler implements Feature {

    private static final int PAGE = 10;
    /** The newest entries that fit go into one export: the file rides in one Kafka record (under 900 kB). */
    static final int EXPORT_ROWS = 5_000;
    static final int EXPORT_CHARS = 400_000;

    private final AuditTrail audit;
    private final OperatorAccess access;
    private final UserAccounts users;
    private final Replier replier;
    private final BotOutbox bot;
    private final Texts texts;
    private final DateTimeFormatter when;

    public AuditHandler(AuditTrail audit, OperatorAccess access, UserAccounts users, Replier replier, BotOutbox bot, Texts texts,
                        StoreProperties store) {
        this.audit = audit;
        this.access = access;
        this.users = users;
        this.replier = replier;
        this.bot = bot;
        this.texts = texts;
        this.when = DateTimeFormatter.ofPattern("dd MMM HH:mm").withZone(store.timezone());
    }

    @Override
    public void routes(Routes routes) {
        routes.button(AuditPage.class, access.ownerOnly(this::page))
                .command("/audit", in -> access.<AuditPage>ownerOnly(this::page).accept(in, new AuditPage(0, 0)))
                .button(FilterAudit.class, access.ownerOnly((in, button) -> askWho(in)))
                .text(Awaiting.ADMIN_AUDIT_FILTER, access.ownerOnly(this::whoTyped))
                .button(ExportAudit.class, access.ownerOnly(this::export));
    }

    private void page(Interaction in, AuditPage button) {
        Locale locale = in.locale();
        long who = Math.max(0, button.who());
        int pages = (int) Math.max(1, (audit.count(who) + PAGE - 1) / PAGE);
        int page = Math.clamp(button.page(), 0, pages - 1);
        StringBuilder text = new StringBuilder(texts.get(locale, "admin.audit.title"));
        if (who != 0) {
            text.append('\n').append(texts.get(locale, "admin.audit.only", who));
        }
        text.append("\n\n");
        List<AuditTrail.Entry> entries = audit.page(who, page, PAGE);
        if (entries.isEmpty()) {
            text.append(texts.get(locale, "admin.audit.empty"));
        }
        for (AuditTrail.Entry entry : entries) {
            text.append(when.format(entry.at())).append(" \u00B7 ").append(entry.actor()).append(" \u00B7 ").append(entry.action())
                    .append(' ').append(entry.subject()).append("\n   ").append(entry.before()).append(" \u2192 ").append(entry.after())
                    .append('\n');
        }
        replier.show(in, new Screen(Texts.fitMessage(text.toString().strip()), Buttons.keyboard()
                .row(Buttons.pager(page, pages, p -> new AuditPage(who, p)))
                .row(button(texts.get(locale, "admin.audit.filter"), new FilterAudit()),
                        button(texts.get(locale, "admin.audit.csv"), new ExportAudit(who)))
                .row(button(texts.get(locale, who == 0 ? "nav.back" : "admin.audit.everyone"), who == 0 ? new OperatorMenu() : new AuditPage(0, 0)))
                .build()));
    }

    private void askWho(Interaction in) {
        in.replaceSession(in.session().awaiting(Awaiting.ADMIN_AUDIT_FILTER));
        replier.show(in, new Screen(texts.get(in.locale(), "admin.audit.who"),
                Buttons.keyboard().row(button(texts.get(in.locale(), "nav.cancel"), new AuditPage(0, 0))).build()));
    }

    /** A Telegram id, or the @username of someone who has used the bot. */
    private void whoTyped(Interaction in, String text) {
        String typed = text.strip();
        Optional<Long> who = typed.matches("\\d{1,15}") ? Optional.of(Long.parseLong(typed)).filter(id -> id > 0)
                : users.findByUsername(typed.startsWith("@") ? typed.substring(1) : typed);
        if (who.isEmpty()) {
            replier.show(in, new Screen(texts.get(in.locale(), "admin.staff.unknown", Texts.fitMessage(typed)) + "\n\n"
                    + texts.get(in.locale(), "admin.audit.who"),
                    Buttons.keyboard().row(button(texts.get(in.locale(), "nav.cancel"), new AuditPage(0, 0))).build()));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        page(in, new AuditPage(who.get(), 0));
    }

    private void export(Interaction in, ExportAudit button) {
        long who = Math.max(0, button.who());
        long total = audit.count(who);
        List<AuditTrail.Entry> entries = audit.page(who, 0, EXPORT_ROWS);
        AuditCsv.File file = AuditCsv.of(entries, EXPORT_CHARS);
        audit.record(in.userId(), "audit.export", who == 0 ? "all" : "user:" + who, null, Map.of("rows", file.rows()));
        String caption = texts.get(in.locale(), total > file.rows() ? "admin.audit.csv.newest" : "admin.audit.csv.all",
                file.rows(), total);
        bot.sendDocument(in.chatId(), who == 0 ? "audit.csv" : "audit-" + who + ".csv", file.text(), caption);
        replier.toast(in, caption);
    }
}
