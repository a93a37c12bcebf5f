package com.quickcart.notifier.outbound;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramLimitsTest {

    private static final InlineKeyboardMarkup MENU = new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(List.of(
            InlineKeyboardButton.builder().text("Main menu").callbackData("menu").build()))));

    @Test
    void aStockListLongerThanOneMessageArrivesAsSeveralWholeLinesWithTheButtonsOnTheLast() {
        String stock = IntStream.rangeClosed(1, 300).mapToObj(i -> "Product " + i + " — 42 left, Rp 150.000")
                .collect(Collectors.joining("\n"));
        SendMessage send = SendMessage.builder().chatId(7L).text(stock).replyMarkup(MENU).build();

        List<PartialBotApiMethod<?>> parts = TelegramLimits.fit(send);

        assertThat(parts).hasSizeGreaterThan(1);
        List<SendMessage> messages = parts.stream().map(SendMessage.class::cast).toList();
        assertThat(messages).allSatisfy(m -> assertThat(m.getText().length()).isLessThanOrEqualTo(4096));
        assertThat(messages.stream().map(SendMessage::getText).collect(Collectors.joining("\n"))).isEqualTo(stock);
        assertThat(messages.getLast().getReplyMarkup()).isEqualTo(MENU);
        assertThat(messages.subList(0, messages.size() - 1)).allSatisfy(m -> assertThat(m.getReplyMarkup()).isNull());
    }

    @Test
    void aMessageWithinTheLimitIsSentAsItIs() {
        SendMessage send = SendMessage.builder().chatId(7L).text("short").build();

        assertThat(TelegramLimits.fit(send)).containsExactly(send);
    }

    @Test
    void anEditOrACaptionThatCannotBeSplitIsCutShortWithAnEllipsisNeverInsideAnEmoji() {
        EditMessageText edit = EditMessageText.builder().chatId(7L).messageId(3).text("😀".repeat(3000)).build();
        CopyMessage forward = CopyMessage.builder().chatId(1L).fromChatId(7L).messageId(9).caption("a" + "😀".repeat(600)).build();

        EditMessageText cutEdit = (EditMessageText) TelegramLimits.fit(edit).getFirst();
        CopyMessage cutForward = (CopyMessage) TelegramLimits.fit(forward).getFirst();

        assertThat(cutEdit.getText()).hasSizeLessThanOrEqualTo(4096).endsWith("😀…");
        assertThat(cutForward.getCaption()).hasSizeLessThanOrEqualTo(1024).endsWith("😀…");
    }
}
