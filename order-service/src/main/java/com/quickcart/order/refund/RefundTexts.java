package com.quickcart.order.refund;

import com.quickcart.order.bot.Rupiah;
import com.quickcart.order.bot.Texts;
import com.quickcart.order.refund.RefundRule.Estimate;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** The estimate with the rule that produced it, in the same words for the customer and the operator. */
@Component
public class RefundTexts {

    private final Texts texts;

    public RefundTexts(Texts texts) {
        this.texts = texts;
    }

    /** E.g. "Rp 45.000 × 20/30 days left × 0,6 (1–2 warranty claims) = Rp 18.000". */
    public String explain(Locale locale, Estimate estimate) {
        return texts.get(locale, "refund.formula", Rupiah.format(estimate.price()), Integer.toString(estimate.remainingDays()),
                Integer.toString(estimate.periodDays()), estimate.factor().stripTrailingZeros().toPlainString(),
                texts.get(locale, "refund.tier." + estimate.tier().name()), Rupiah.format(estimate.amount()));
    }

    /** The reason recorded with a refund made from an estimate: the usage and the factor. */
    public String reason(Locale locale, Estimate estimate) {
        return texts.get(locale, "refund.reason", Integer.toString(estimate.usage().daysUsed()),
                Integer.toString(estimate.periodDays()), Integer.toString(estimate.usage().claims()),
                estimate.factor().stripTrailingZeros().toPlainString());
    }
}
