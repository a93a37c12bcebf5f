package com.quickcart.notifier.qris;

import com.quickcart.common.events.payment.PaymentPending;
import com.quickcart.common.events.payment.PaymentPurpose;
import com.quickcart.notifier.config.CheckoutPageProperties;
import com.quickcart.notifier.outbound.BotApiSender;
import com.quickcart.notifier.outbound.OutboundLog;
import com.quickcart.notifier.outbound.SendOutcome;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.io.ByteArrayInputStream;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Sends a pending QRIS payment as a QR image with Pakasir's total (fee included) and the expiry
 * time. An order's code carries a cancel button in order-service's button grammar (cancel:<id>);
 * where a checkout page is configured (the local run), a link to it comes first.
 */
@Component
public class QrisNotice {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Jakarta"));

    private final BotApiSender sender;
    private final OutboundLog outboundLog;
    private final MessageSource messages;
    private final CheckoutPageProperties checkoutPage;

    public QrisNotice(BotApiSender sender, OutboundLog outboundLog, MessageSource messages, CheckoutPageProperties checkoutPage) {
        this.sender = sender;
        this.outboundLog = outboundLog;
        this.messages = messages;
        this.checkoutPage = checkoutPage;
    }

    public void send(UUID eventId, PaymentPending pending) {
        Locale locale = Locale.forLanguageTag(pending.language());
        byte[] png = QrCodes.png(pending.qrString());
        String caption = messages.getMessage(pending.purpose() == PaymentPurpose.DEPOSIT ? "qris.deposit" : "qris.order",
                new Object[]{pending.paymentId(), rupiah(pending.totalPayment()), rupiah(pending.amount()), rupiah(pending.fee()),
                        TIME.format(pending.expiresAt())}, locale);
        InlineKeyboardMarkup keyboard = keyboard(pending, locale);
        SendOutcome outcome = sender.send(pending.chatId(), "sendPhoto", () -> SendPhoto.builder()
                .chatId(pending.chatId())
                .photo(new InputFile(new ByteArrayInputStream(png), "qris-" + pending.paymentId() + ".png"))
                .caption(caption)
                .replyMarkup(keyboard)
                .build());
        outboundLog.record(eventId, pending.chatId(), "sendPhoto", outcome);
    }

    private InlineKeyboardMarkup keyboard(PaymentPending pending, Locale locale) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        checkoutPage.linkFor(pending.amount(), pending.paymentId()).ifPresent(link -> rows.add(new InlineKeyboardRow(List.of(
                InlineKeyboardButton.builder().text(messages.getMessage("qris.checkout", null, locale)).url(link).build()))));
        if (pending.purpose() == PaymentPurpose.ORDER) {
            rows.add(new InlineKeyboardRow(List.of(InlineKeyboardButton.builder()
                    .text(messages.getMessage("qris.cancel", null, locale)).callbackData("cancel:" + pending.paymentId()).build())));
        }
        return rows.isEmpty() ? null : new InlineKeyboardMarkup(rows);
    }

    static String rupiah(long amount) {
        return "Rp " + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id")).format(amount);
    }
}
