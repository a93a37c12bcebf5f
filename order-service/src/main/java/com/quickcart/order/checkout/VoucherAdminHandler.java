package com.quickcart.order.checkout;

import com.quickcart.order.config.StoreProperties;

import com.quickcart.order.bot.Buttons;
import com.quickcart.order.bot.Feature;
import com.quickcart.order.bot.Interaction;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Routes;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.checkout.VoucherAdminButtons.DisableVoucher;
import com.quickcart.order.checkout.VoucherAdminButtons.NewVoucher;
import com.quickcart.order.checkout.VoucherAdminButtons.VoucherList;
import com.quickcart.order.operator.AuditTrail;
import com.quickcart.order.operator.OperatorAccess;
import com.quickcart.order.operator.OperatorButtons.OperatorMenu;
import com.quickcart.order.session.Session.Awaiting;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import static com.quickcart.order.bot.Buttons.button;
import static com.quickcart.order.operator.Permission.VOUCHERS;

/** Vouchers from the operator's chat (VOUCHERS permission): list with usage, create, disable; each change audited. */
@Component
public class VoucherAdminHandler implements Feature {

    private final DateTimeFormatter day;

    private final Vouchers vouchers;
    private final OperatorAccess access;
    private final AuditTrail audit;
    private final Replier replier;
    private final Texts texts;

    public VoucherAdminHandler(Vouchers vouchers, OperatorAccess access, AuditTrail audit, Replier replier, Texts texts,
                               StoreProperties store) {
        this.day = DateTimeFormatter.ofPattern("dd MMM yyyy").withZone(store.timezone());
        this.vouchers = vouchers;
        this.access = access;
        this.audit = audit;
        this.replier = replier;
        this.texts = texts;
    }

    @Override
    public void routes(Routes routes) {
        routes.button(VoucherList.class, access.requires(VOUCHERS, (in, button) -> list(in)))
                .button(NewVoucher.class, access.requires(VOUCHERS, (in, button) -> ask(in, null)))
                .button(DisableVoucher.class, access.requires(VOUCHERS, this::disable))
                .text(Awaiting.ADMIN_VOUCHER, access.requires(VOUCHERS, this::typed));
    }

    private void list(Interaction in) {
        Locale locale = in.locale();
        StringBuilder text = new StringBuilder(texts.get(locale, "admin.vouchers.title")).append("\n\n");
        Buttons keyboard = Buttons.keyboard();
        for (Vouchers.Summary voucher : vouchers.all()) {
            String discount = voucher.kind().equals("PERCENT") ? voucher.value() + "%" : Rupiah.format(voucher.value());
            text.append(texts.get(locale, "admin.voucher.line", voucher.code(), discount, Rupiah.format(voucher.minPurchase()),
                    Integer.toString(voucher.used()), Integer.toString(voucher.totalUses()), day.format(voucher.validUntil()),
                    texts.get(locale, voucher.live() ? "admin.visible" : "admin.voucher.ended"))).append('\n');
            if (voucher.live()) {
                keyboard.row(button(texts.get(locale, "admin.voucher.disable", voucher.code()), new DisableVoucher(voucher.code())));
            }
        }
        keyboard.row(button(texts.get(locale, "admin.voucher.new"), new NewVoucher()))
                .row(button(texts.get(locale, "nav.back"), new OperatorMenu()));
        replier.show(in, new Screen(Texts.fitMessage(text.toString().strip()), keyboard.build()));
    }

    private void ask(Interaction in, String errorKey) {
        in.replaceSession(in.session().awaiting(Awaiting.ADMIN_VOUCHER));
        String prompt = texts.get(in.locale(), "admin.voucher.prompt");
        replier.show(in, new Screen(texts.prompt(in.locale(), errorKey, prompt),
                Buttons.keyboard().row(button(texts.get(in.locale(), "nav.cancel"), new VoucherList())).build()));
    }

    private void typed(Interaction in, String text) {
        VoucherDraft.Result result = VoucherDraft.parse(text);
        if (!result.ok()) {
            ask(in, result.errorKey());
            return;
        }
        VoucherDraft draft = result.draft();
        if (!vouchers.create(draft)) {
            ask(in, "admin.voucher.taken");
            return;
        }
        in.replaceSession(in.session().awaiting(Awaiting.NOTHING));
        audit.record(in.userId(), "voucher.create", "voucher:" + draft.code(), null, Map.of("kind", draft.kind(),
                "value", draft.value(), "min_purchase", draft.minPurchase(), "total_uses", draft.totalUses(), "days", draft.days()));
        list(in);
    }

    private void disable(Interaction in, DisableVoucher button) {
        if (vouchers.disable(button.code())) {
            audit.record(in.userId(), "voucher.disable", "voucher:" + button.code(), Map.of("live", true), Map.of("live", false));
        }
        list(in);
    }
}
