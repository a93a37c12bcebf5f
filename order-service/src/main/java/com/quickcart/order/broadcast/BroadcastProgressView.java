package com.quickcart.order.broadcast;

import com.quickcart.common.events.notifier.BroadcastProgressed;
import com.quickcart.order.account.UserAccounts;
import com.quickcart.order.bot.BotOutbox;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.broadcast.Broadcasts.Broadcast;
import com.quickcart.order.operator.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the operator's progress message current from the notifier's reports, and on the last
 * one records the outcome (once: a guarded update), writes it to the audit trail and sends the
 * final report as a new message, so the operator is notified.
 */
@Component
public class BroadcastProgressView {

    private static final Logger log = LoggerFactory.getLogger(BroadcastProgressView.class);

    private final Broadcasts broadcasts;
    private final BroadcastScreens screens;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final BotOutbox bot;
    private final Replier replier;

    public BroadcastProgressView(Broadcasts broadcasts, BroadcastScreens screens, UserAccounts users, AuditTrail audit, BotOutbox bot,
                                 Replier replier) {
        this.broadcasts = broadcasts;
        this.screens = screens;
        this.users = users;
        this.audit = audit;
        this.bot = bot;
        this.replier = replier;
    }

    public void progressed(BroadcastProgressed report) {
        Optional<Broadcast> known = broadcasts.find(report.broadcastId());
        if (known.isEmpty() || known.get().progressMessageId() == null) {
            log.warn("progress of a broadcast this store never started broadcast_id={}", report.broadcastId());
            return;
        }
        broadcasts.recordProgress(report.broadcastId(), report.sent(), report.blocked(), report.failed(), report.remaining(),
                report.perSecond());
        if (report.finished()) {
            String outcome = "CANCELLED".equals(report.state()) ? "CANCELLED" : "FINISHED";
            if (!broadcasts.finish(report.broadcastId(), outcome)) {
                return;
            }
            Broadcast finished = broadcasts.find(report.broadcastId()).orElseThrow();
            audit.record(finished.operatorId(), "broadcast.finished", "broadcast:" + finished.id(), null, Map.of("state", outcome,
                    "recipients", finished.recipients(), "sent", report.sent(), "blocked", report.blocked(), "failed", report.failed()));
            Locale locale = users.locale(finished.operatorId());
            edit(finished, screens.progress(locale, finished));
            replier.send(finished.operatorChatId(), screens.report(locale, finished));
            return;
        }
        Broadcast current = broadcasts.find(report.broadcastId()).orElseThrow();
        if (current.finishedOrDiscarded()) {
            return;
        }
        edit(current, screens.progress(users.locale(current.operatorId()), current));
    }

    private void edit(Broadcast broadcast, Screen screen) {
        bot.send(broadcast.operatorChatId(), EditMessageText.builder().chatId(broadcast.operatorChatId())
                .messageId(broadcast.progressMessageId()).text(screen.text()).replyMarkup((InlineKeyboardMarkup) screen.keyboard()).build());
    }
}
