package com.quickcart.order.broadcast;

import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.broadcast.BroadcastButtons.AddLink;
import com.quickcart.order.broadcast.BroadcastButtons.Cancel;
import com.quickcart.order.broadcast.BroadcastButtons.ChooseAudience;
import com.quickcart.order.broadcast.BroadcastButtons.Confirm;
import com.quickcart.order.broadcast.BroadcastButtons.Discard;
import com.quickcart.order.broadcast.BroadcastButtons.Pause;
import com.quickcart.order.broadcast.BroadcastButtons.PickAudience;
import com.quickcart.order.broadcast.BroadcastButtons.PickCategory;
import com.quickcart.order.broadcast.BroadcastButtons.PickProduct;
import com.quickcart.order.broadcast.BroadcastButtons.Resume;
import com.quickcart.order.broadcast.Broadcasts.Broadcast;
import com.quickcart.order.catalog.CatalogPages;
import com.quickcart.order.operator.OperatorButtons.OperatorMenu;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.quickcart.order.bot.Buttons.button;

/** The broadcast screens: compose, audience, confirm, progress and the final report. */
@Component
public class BroadcastScreens {

    private final Texts texts;
    private final CatalogPages catalog;

    public BroadcastScreens(Texts texts, CatalogPages catalog) {
        this.texts = texts;
        this.catalog = catalog;
    }

    public Screen askMessage(Locale locale, String problem) {
        return new Screen(problem == null ? texts.get(locale, "broadcast.prompt") : problem + "\n\n" + texts.get(locale, "broadcast.prompt"),
                Buttons.keyboard().row(button(texts.get(locale, "nav.cancel"), new OperatorMenu())).build());
    }

    public Screen draft(Locale locale, Broadcast draft) {
        String kind = texts.get(locale, draft.photoFileId() != null ? "broadcast.kind.photo" : "broadcast.kind.text");
        String link = draft.hasLink() ? draft.buttonLabel() + " \u2192 " + draft.buttonUrl() : texts.get(locale, "broadcast.link.none");
        return new Screen(texts.get(locale, "broadcast.draft", Long.toString(draft.id()), kind, link), Buttons.keyboard()
                .row(button(texts.get(locale, "broadcast.link.add"), new AddLink(draft.id())))
                .row(button(texts.get(locale, "broadcast.audience.choose"), new ChooseAudience(draft.id())))
                .row(button(texts.get(locale, "broadcast.discard"), new Discard(draft.id())))
                .build());
    }

    public Screen askLink(Locale locale, long broadcastId, boolean refused) {
        String prompt = texts.get(locale, "broadcast.link.prompt");
        return new Screen(refused ? texts.get(locale, "broadcast.link.invalid") + "\n\n" + prompt : prompt, Buttons.keyboard()
                .row(button(texts.get(locale, "broadcast.audience.choose"), new ChooseAudience(broadcastId))).build());
    }

    public Screen audiences(Locale locale, long broadcastId) {
        Buttons keyboard = Buttons.keyboard()
                .row(button(texts.get(locale, "broadcast.audience.EVERYONE"), new PickAudience(broadcastId, Audience.EVERYONE, 0)))
                .row(button(texts.get(locale, "broadcast.audience.CUSTOMERS"), new PickAudience(broadcastId, Audience.CUSTOMERS, 0)),
                        button(texts.get(locale, "broadcast.audience.RESELLERS"), new PickAudience(broadcastId, Audience.RESELLERS, 0)))
                .row(button(texts.get(locale, "broadcast.audience.category"), new PickCategory(broadcastId)),
                        button(texts.get(locale, "broadcast.audience.product"), new PickProduct(broadcastId, 0)));
        List<InlineKeyboardButton> active = new ArrayList<>();
        for (int days : Audience.ACTIVE_DAYS) {
            active.add(button(texts.get(locale, "broadcast.audience.days", days), new PickAudience(broadcastId, Audience.ACTIVE, days)));
        }
        keyboard.row(active).row(button(texts.get(locale, "broadcast.discard"), new Discard(broadcastId)));
        return new Screen(texts.get(locale, "broadcast.audience.title", Long.toString(broadcastId)), keyboard.build());
    }

    public Screen categories(Locale locale, long broadcastId) {
        Buttons keyboard = Buttons.keyboard();
        catalog.categories().forEach(c -> keyboard.row(button(c.name(), new PickAudience(broadcastId, Audience.CATEGORY, c.id()))));
        keyboard.row(button(texts.get(locale, "nav.back"), new ChooseAudience(broadcastId)));
        return new Screen(texts.get(locale, "broadcast.audience.category.title"), keyboard.build());
    }

    public Screen products(Locale locale, long broadcastId, int page) {
        com.quickcart.order.catalog.Catalog.Page products = catalog.page(null, page, 8);
        Buttons keyboard = Buttons.keyboard();
        products.products().forEach(p -> keyboard.row(button(p.id() + ". " + p.name(), new PickAudience(broadcastId, Audience.PRODUCT, p.id()))));
        keyboard.row(Buttons.pager(products.page(), products.pages(), next -> new PickProduct(broadcastId, next)))
                .row(button(texts.get(locale, "nav.back"), new ChooseAudience(broadcastId)));
        return new Screen(texts.get(locale, "broadcast.audience.product.title"), keyboard.build());
    }

    /** Below the preview: who receives it and how many, with the one button that starts it. */
    public Screen confirm(Locale locale, Broadcast draft, String audience, int recipients) {
        Buttons keyboard = Buttons.keyboard();
        if (recipients > 0) {
            keyboard.row(button(texts.get(locale, "broadcast.confirm.send", recipients), new Confirm(draft.id())));
        }
        keyboard.row(button(texts.get(locale, "broadcast.audience.change"), new ChooseAudience(draft.id())))
                .row(button(texts.get(locale, "broadcast.discard"), new Discard(draft.id())));
        String key = recipients > 0 ? "broadcast.confirm" : "broadcast.confirm.nobody";
        return new Screen(texts.get(locale, key, Long.toString(draft.id()), audience, recipients), keyboard.build());
    }

    /** The operator's progress message, with the buttons that fit the broadcast's state. */
    public Screen progress(Locale locale, Broadcast broadcast) {
        String state = texts.get(locale, "broadcast.state." + broadcast.state());
        String eta = broadcast.perSecond() > 0 ? duration(Math.round(broadcast.remaining() / broadcast.perSecond())) : "-";
        String text = texts.get(locale, "broadcast.progress", Long.toString(broadcast.id()), state, broadcast.sent(), broadcast.recipients(),
                broadcast.blocked(), broadcast.failed(), broadcast.remaining(), String.format(Locale.ROOT, "%.1f", broadcast.perSecond()), eta);
        Buttons keyboard = Buttons.keyboard();
        switch (broadcast.state()) {
            case "SENDING" -> keyboard.row(button(texts.get(locale, "broadcast.pause"), new Pause(broadcast.id())),
                    button(texts.get(locale, "broadcast.cancel"), new Cancel(broadcast.id())));
            case "PAUSED" -> keyboard.row(button(texts.get(locale, "broadcast.resume"), new Resume(broadcast.id())),
                    button(texts.get(locale, "broadcast.cancel"), new Cancel(broadcast.id())));
            default -> { }
        }
        return new Screen(text, keyboard.build());
    }

    public Screen report(Locale locale, Broadcast broadcast) {
        int notSent = Math.max(0, broadcast.recipients() - broadcast.sent() - broadcast.blocked() - broadcast.failed());
        return Screen.of(texts.get(locale, "broadcast.report", Long.toString(broadcast.id()), texts.get(locale, "broadcast.state." + broadcast.state()),
                broadcast.sent(), broadcast.recipients(), broadcast.blocked(), broadcast.failed(), notSent));
    }

    /** m:ss, or h:mm:ss past an hour. */
    static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
