package com.quickcart.order.account;

import com.quickcart.common.events.payment.BalanceAdjusted;
import com.quickcart.common.events.payment.BalanceAdjustmentRefused;
import com.quickcart.order.bot.Replier;
import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Screen;
import com.quickcart.order.bot.Texts;
import org.springframework.stereotype.Component;


/** payment-service's answer to a balance correction, told to the customer and the operator who made it. */
@Component
public class BalanceNotices {

    private final UserAccounts users;
    private final Replier replier;
    private final Texts texts;

    public BalanceNotices(UserAccounts users, Replier replier, Texts texts) {
        this.users = users;
        this.replier = replier;
        this.texts = texts;
    }

    public void adjusted(BalanceAdjusted event) {
        String amount = CustomerAdminHandler.signed(event.delta());
        replier.notify(event.userId(), Screen.of(texts.get(users.locale(event.userId()), "balance.adjusted", amount, event.reason(),
                Rupiah.format(event.balance()))));
        replier.send(event.operatorId(), Screen.of(texts.get(users.locale(event.operatorId()), "admin.adjust.done", amount,
                Long.toString(event.userId()), Rupiah.format(event.balance()))));
    }

    public void refused(BalanceAdjustmentRefused event) {
        replier.send(event.operatorId(), Screen.of(texts.get(users.locale(event.operatorId()), "admin.adjust.refused",
                CustomerAdminHandler.signed(event.delta()), Long.toString(event.userId()), Rupiah.format(event.balance()))));
    }
}
