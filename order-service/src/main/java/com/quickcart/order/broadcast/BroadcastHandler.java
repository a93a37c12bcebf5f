package com.quickcart.order.broadcast;

import com.quickcart.common.events.order.BroadcastControl;
import com.quickcart.order.bot.BotOutbox;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.broadcast.BroadcastButtons.AddLink;
import com.quickcart.order.broadcast.BroadcastButtons.Cancel;
import com.quickcart.order.broadcast.BroadcastButtons.ChooseAudience;
import com.quickcart.order.broadcast.BroadcastButtons.Confirm;
import com.quickcart.order.broadcast.BroadcastButtons.Discard;
import com.quickcart.order.broadcast.BroadcastButtons.NewBroadcast;
import com.quickcart.order.broadcast.BroadcastButtons.Pause;
import com.quickcart.order.broadcast.BroadcastButtons.PickAudience;
import com.quickcart.order.broadcast.BroadcastButtons.PickCategory;
import com.quickcart.order.broadcast.BroadcastButtons.PickProduct;
import com.quickcart.order.broadcast.BroadcastButtons.Resume;
import com.quickcart.order.broadcast.Broadcasts.Broadcast;
import com.quickcart.order.catalog.CatalogPages;
import com.quickcart.order.operator.AuditTrail;
import com.quickcart.order.operator.OperatorAccess;
import com.quickcart.order.session.Session.Awaiting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.quickcart.order.operator.Permission.BROADCAST;

/**
 * The operator's broadcast: compose (HTML text, or a photo with it as caption, and an optional URL
 * button), pick the audience, see the count and a preview exactly as recipients will, confirm;
 * then pause, resume or cancel from the progress message. Every step checks BROADCAST at the tap,
 * and a draft answers only the operator who wrote it.
 */
@Component
public class BroadcastHandler implements Feature {

    private static final Logger log = LoggerFactory.getLogger(BroadcastHandler.class);
    private static final String DRAFT = "broadcast";

    private final OperatorAccess access;
    private final Broadcasts broadcasts;
    private final BroadcastScreens screens;
    private final BroadcastPublisher publisher;
    private final CatalogPages catalog;
    private final AuditTrail audit;
    private final Replier replier;
    private final BotOutbox bot;
    private final Texts texts;

    public BroadcastHandler(OperatorAccess access, Broadcasts broadcasts, BroadcastScreens screens, BroadcastPublisher publisher,
                            CatalogPages catalog, AuditTrail audit, Replier replier, BotOutbox bot, Texts texts) {
        this.access = access;
        this.broadcasts = broadcasts;
        this.screens = screens;
        this.publisher = publisher;
        this.catalog = catalog;
        this.audit = audit;
        this.replier = replier;
        this.bot = bot;
        this.texts = texts;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(NewBroadcast.class, access.requires(BROADCAST, (in, button) -> compose(in)))
                .message(Awaiting.BROADCAST_MESSAGE, access.requires(BROADCAST, this::messageWritten))
                .button(AddLink.class, access.requires(BROADCAST, this::askLink))
                .text(Awaiting.BROADCAST_LINK, access.requires(BROADCAST, this::linkWritten))
                .button(ChooseAudience.class, access.requires(BROADCAST, this::audiences))
                .button(PickCategory.class, access.requires(BROADCAST, this::categories))
                .button(PickProduct.class, access.requires(BROADCAST, this::products))
                .button(PickAudience.class, access.requires(BROADCAST, this::audiencePicked))
                .button(Confirm.class, access.requires(BROADCAST, this::confirm))
                .button(Discard.class, access.requires(BROADCAST, this::discard))
                .button(Pause.class, access.requires(BROADCAST, (in, b) -> control(in, b.broadcastId(), BroadcastControl.Action.PAUSE)))
                .button(Resume.class, access.requires(BROADCAST, (in, b) -> control(in, b.broadcastId(), BroadcastControl.Action.RESUME)))
                .button(Cancel.class, access.requires(BROADCAST, (in, b) -> control(in, b.broadcastId(), BroadcastControl.Action.CANCEL)));
    }

    private void compose(Interaction in) {
        in.replaceSession(in.session().awaiting(Awaiting.BROADCAST_MESSAGE));
        replier.show(in, screens.askMessage(in.locale(), null));
    }

    /** Text in Telegram's HTML, or a photo with it as caption; anything Telegram would refuse is explained and asked again. */
    private void messageWritten(Interaction in, Message message) {
        Locale locale = in.locale();
        boolean photo = message.hasPhoto();
        String html = photo ? message.getCaption() : message.getText();
        if (!photo && html == null) {
            replier.show(in, screens.askMessage(locale, texts.get(locale, "broadcast.message.kind")));
            return;
        }
        Optional<TelegramHtml.Problem> problem = BroadcastDraft.checkMessage(html, photo);
        if (problem.isPresent()) {
            replier.show(in, screens.askMessage(locale, texts.get(locale, problem.get().key(), problem.get().detail())));
            return;
        }
        String fileId = photo ? message.getPhoto().stream().max(Comparator.comparing(PhotoSize::getFileSize,
                Comparator.nullsFirst(Comparator.naturalOrder()))).orElseThrow().getFileId() : null;
        long id = broadcasts.createDraft(in.userId(), in.chatId(), html == null ? "" : html.strip(), fileId,
                photo ? message.getMessageId() : null);
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING).with(DRAFT, Long.toString(id)));
        replier.show(in, screens.draft(locale, broadcasts.find(id).orElseThrow()));
    }

    private void askLink(Interaction in, AddLink button) {
        Optional<Broadcast> draft = ownDraft(in, button.broadcastId());
        if (draft.isEmpty()) {
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.BROADCAST_LINK).with(DRAFT, Long.toString(button.broadcastId())));
        replier.show(in, screens.askLink(in.locale(), button.broadcastId(), false));
    }

    private void linkWritten(Interaction in, String text) {
        String id = in.session().get(DRAFT);
        Optional<Broadcast> draft = id == null ? Optional.empty() : ownDraft(in, Long.parseLong(id));
        if (draft.isEmpty()) {
            return;
        }
        Optional<BroadcastDraft.Link> link = BroadcastDraft.parseLink(text);
        if (link.isEmpty()) {
            replier.show(in, screens.askLink(in.locale(), draft.get().id(), true));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        broadcasts.setLink(draft.get().id(), link.get().label(), link.get().url());
        replier.show(in, screens.draft(in.locale(), broadcasts.find(draft.get().id()).orElseThrow()));
    }

    private void audiences(Interaction in, ChooseAudience button) {
        ownDraft(in, button.broadcastId()).ifPresent(draft -> replier.show(in, screens.audiences(in.locale(), draft.id())));
    }

    private void categories(Interaction in, PickCategory button) {
        ownDraft(in, button.broadcastId()).ifPresent(draft -> replier.show(in, screens.categories(in.locale(), draft.id())));
    }

    private void products(Interaction in, PickProduct button) {
        ownDraft(in, button.broadcastId()).ifPresent(draft -> replier.show(in, screens.products(in.locale(), draft.id(), button.page())));
    }

    /** Counts the audience, sends the preview exactly as recipients will get it, and asks to confirm below it. */
    private void audiencePicked(Interaction in, PickAudience button) {
        Optional<Broadcast> draft = ownDraft(in, button.broadcastId());
        Optional<String> audience = draft.flatMap(d -> describe(in.locale(), button.audience(), button.param()));
        if (audience.isEmpty()) {
            if (draft.isPresent()) {
                replier.staleButton(in);
            }
            return;
        }
        int recipients = broadcasts.count(button.audience(), button.param());
        broadcasts.setAudience(draft.get().id(), button.audience(), button.param(), recipients);
        Broadcast chosen = broadcasts.find(draft.get().id()).orElseThrow();
        replier.finish(in);
        preview(in.chatId(), chosen);
        replier.send(in.chatId(), screens.confirm(in.locale(), chosen, audience.get(), recipients));
    }

    /** The audience in words, or empty when the button names something that is not there (a hand-made or stale callback). */
    private Optional<String> describe(Locale locale, Audience audience, long param) {
        return switch (audience) {
            case EVERYONE, CUSTOMERS, RESELLERS -> param == 0 ? Optional.of(texts.get(locale, "broadcast.audience." + audience.name()))
                    : Optional.empty();
            case PRODUCT -> catalog.product(param).map(p -> texts.get(locale, "broadcast.audience.PRODUCT", p.name()));
            case CATEGORY -> catalog.category(param).map(c -> texts.get(locale, "broadcast.audience.CATEGORY", c.name()));
            case ACTIVE -> IntStream.of(Audience.ACTIVE_DAYS).anyMatch(days -> days == param)
                    ? Optional.of(texts.get(locale, "broadcast.audience.ACTIVE", param)) : Optional.empty();
        };
    }

    private void preview(long chatId, Broadcast broadcast) {
        InlineKeyboardMarkup keyboard = broadcast.hasLink()
                ? Buttons.keyboard().row(Buttons.link(broadcast.buttonLabel(), broadcast.buttonUrl())).build() : null;
        if (broadcast.photoMessageId() != null) {
            bot.send(chatId, CopyMessage.builder().fromChatId(broadcast.operatorChatId()).messageId(broadcast.photoMessageId())
                    .chatId(chatId).caption(broadcast.text()).parseMode(ParseMode.HTML).replyMarkup(keyboard).build());
        } else {
            bot.send(chatId, SendMessage.builder().chatId(chatId).text(broadcast.text()).parseMode(ParseMode.HTML)
                    .replyMarkup(keyboard).build());
        }
    }

    /** Freezes the audience, hands it to the notifier and turns the confirm message into the progress message. */
    private void confirm(Interaction in, Confirm button) {
        Optional<Broadcast> draft = ownDraft(in, button.broadcastId());
        if (draft.isEmpty() || draft.get().audience() == null || in.buttonMessageId() == null) {
            draft.ifPresent(d -> replier.staleButton(in));
            return;
        }
        List<Long> recipients = broadcasts.audience(draft.get().audience(), draft.get().audienceParam());
        if (recipients.isEmpty() || !broadcasts.start(draft.get().id(), recipients.size(), in.buttonMessageId())) {
            replier.staleButton(in);
            return;
        }
        Broadcast started = broadcasts.find(draft.get().id()).orElseThrow();
        publisher.publish(started, recipients);
        audit.record(in.userId(), "broadcast.start", "broadcast:" + started.id(), null, Map.of(
                "audience", started.audience().name(), "param", started.audienceParam(), "recipients", recipients.size(),
                "photo", started.photoFileId() != null, "button", started.hasLink() ? started.buttonUrl() : "-"));
        log.info("broadcast started broadcast_id={} recipients={} audience={}", started.id(), recipients.size(), started.audience());
        replier.show(in, screens.progress(in.locale(), started));
    }

    private void discard(Interaction in, Discard button) {
        Optional<Broadcast> draft = ownDraft(in, button.broadcastId());
        if (draft.isPresent() && broadcasts.discard(draft.get().id())) {
            replier.toast(in, texts.get(in.locale(), "broadcast.discarded"));
            replier.show(in, com.quickcart.order.bot.Screen.of(texts.get(in.locale(), "broadcast.discarded")));
        }
    }

    /** Pause, resume or cancel: a guarded state change here, a command to the notifier, an audit entry, the progress message redrawn. */
    private void control(Interaction in, long broadcastId, BroadcastControl.Action action) {
        Optional<Broadcast> broadcast = broadcasts.find(broadcastId);
        boolean changed = broadcast.isPresent() && switch (action) {
            case PAUSE -> broadcasts.move(broadcastId, "SENDING", "PAUSED");
            case RESUME -> broadcasts.move(broadcastId, "PAUSED", "SENDING");
            case CANCEL -> broadcasts.move(broadcastId, "SENDING", "CANCELLED") || broadcasts.move(broadcastId, "PAUSED", "CANCELLED");
        };
        if (!changed) {
            replier.staleButton(in);
            return;
        }
        publisher.control(broadcastId, action);
        audit.record(in.userId(), "broadcast." + action.name().toLowerCase(Locale.ROOT), "broadcast:" + broadcastId,
                Map.of("state", broadcast.get().state()), Map.of("sent", broadcast.get().sent(), "remaining", broadcast.get().remaining()));
        replier.show(in, screens.progress(in.locale(), broadcasts.find(broadcastId).orElseThrow()));
    }

    /** The draft, if it is still a draft and this operator wrote it; otherwise the tap gets the stale-button notice. */
    private Optional<Broadcast> ownDraft(Interaction in, long id) {
        Optional<Broadcast> draft = broadcasts.find(id).filter(Broadcast::isDraft).filter(d -> d.operatorId() == in.userId());
        if (draft.isEmpty()) {
            replier.staleButton(in);
        }
        return draft;
    }
}
