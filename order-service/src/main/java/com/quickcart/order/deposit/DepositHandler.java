package com.quickcart.order.deposit;

import com.quickcart.common.events.Topics;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Routes;
import com.quickcart.common.events.order.PaymentMethod;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.common.events.payment.PaymentRequested;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.order.bot.Buttons;
import com.quickcart.order.deposit.DepositButtons.CustomAmount;
import com.quickcart.order.deposit.DepositButtons.DepositMenu;
import com.quickcart.order.deposit.DepositButtons.PresetAmount;
import com.quickcart.order.menu.MenuButtons.MainMenu;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.checkout.OrderIds;
import com.quickcart.order.config.StoreProperties;
import com.quickcart.order.session.Session.Awaiting;
import org.springframework.stereotype.Component;

import java.util.Locale;

import static com.quickcart.order.bot.Buttons.button;

/** Top-up: preset amounts or a custom one within DEPOSIT_MIN..DEPOSIT_MAX, paid by QRIS. Buttons: {@link DepositButtons}. */
@Component
public class DepositHandler implements Feature {

    private static final long[] PRESETS = {10_000, 25_000, 50_000, 100_000};

    private final StoreProperties store;
    private final Replier replier;
    private final Texts texts;
    private final Outbox outbox;
    private final EventCodec codec;

    public DepositHandler(StoreProperties store, Replier replier, Texts texts, Outbox outbox, EventCodec codec) {
        this.store = store;
        this.replier = replier;
        this.texts = texts;
        this.outbox = outbox;
        this.codec = codec;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(DepositMenu.class, (in, button) -> menu(in))
                .button(CustomAmount.class, (in, button) -> askAmount(in))
                .button(PresetAmount.class, this::preset)
                .menuLabel("menu.deposit", this::menu)
                .text(Awaiting.DEPOSIT_AMOUNT, this::amountTyped);
    }

    public void menu(Interaction in) {
        Locale locale = in.locale();
        Buttons keyboard = Buttons.keyboard();
        for (int i = 0; i < PRESETS.length; i += 2) {
            keyboard.row(button(Rupiah.format(PRESETS[i]), new PresetAmount(PRESETS[i])), button(Rupiah.format(PRESETS[i + 1]), new PresetAmount(PRESETS[i + 1])));
        }
        keyboard.row(button(texts.get(locale, "deposit.custom"), new CustomAmount())).row(button(texts.get(locale, "nav.menu"), new MainMenu()));
        replier.show(in, new Screen(texts.get(locale, "deposit.title", Rupiah.format(store.depositMin()), Rupiah.format(store.depositMax())),
                keyboard.build()));
    }

    private void askAmount(Interaction in) {
        in.replaceSession(in.session().awaiting(Awaiting.DEPOSIT_AMOUNT));
        replier.show(in, prompt(in.locale(), null));
    }

    /** A preset amount; limits may have changed since the button was drawn. */
    private void preset(Interaction in, PresetAmount button) {
        if (!withinLimits(button.amount())) {
            replier.staleButton(in);
            menu(in);
            return;
        }
        request(in, button.amount());
    }

    /** A typed custom amount: digits, with or without Rp, dots or commas. */
    public void amountTyped(Interaction in, String text) {
        String digits = text.replaceAll("(?i)rp|[\\s.,]", "");
        if (!digits.matches("\\d{1,12}") || !withinLimits(Long.parseLong(digits))) {
            replier.show(in, prompt(in.locale(), "deposit.invalid"));
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        request(in, Long.parseLong(digits));
    }

    private void request(Interaction in, long amount) {
        String depositId = OrderIds.next("DP");
        outbox.append(Topics.PAYMENT_COMMANDS, codec.wrap(depositId, new PaymentRequested(depositId, PaymentPurpose.DEPOSIT,
                in.userId(), amount, PaymentMethod.QRIS)));
        replier.show(in, Screen.of(texts.get(in.locale(), "deposit.requested", Rupiah.format(amount), depositId)));
    }

    private boolean withinLimits(long amount) {
        return amount >= store.depositMin() && amount <= store.depositMax();
    }

    private Screen prompt(Locale locale, String errorKey) {
        String prompt = texts.get(locale, "deposit.prompt", Rupiah.format(store.depositMin()), Rupiah.format(store.depositMax()));
        return new Screen(texts.prompt(locale, errorKey, prompt),
                Buttons.keyboard().row(button(texts.get(locale, "nav.cancel"), new DepositMenu())).build());
    }
}
