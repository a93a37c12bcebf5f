package com.quickcart.testsupport;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramRateLimitsTest {

    private static final long MS = 1_000_000L;

    @Test
    void aChatGetsItsBurstThenOneMessageASecond() {
        TelegramRateLimits limits = new TelegramRateLimits(0, 3, 1);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.check("sendMessage", 7, i * MS)).isEmpty();
        }
        assertThat(limits.check("sendMessage", 7, 10 * MS)).isEqualTo(OptionalInt.of(1));
        assertThat(limits.check("sendMessage", 8, 10 * MS)).as("another chat is not held back").isEmpty();
        assertThat(limits.check("sendMessage", 7, 1_001 * MS)).as("a second later one more").isEmpty();
        assertThat(limits.refused()).isEqualTo(1);
    }

    @Test
    void theOverallLimitCountsTheLastSecondAcrossChats() {
        TelegramRateLimits limits = new TelegramRateLimits(30, 3, 1);
        for (int chat = 0; chat < 30; chat++) {
            assertThat(limits.check("sendPhoto", chat, chat * MS)).isEmpty();
        }
        assertThat(limits.check("sendMessage", 99, 500 * MS)).isEqualTo(OptionalInt.of(1));
        assertThat(limits.check("sendMessage", 99, 1_000 * MS)).as("the first send left the window").isEmpty();
    }

    @Test
    void answeringATapIsNotAMessageAndIsNeverLimited() {
        TelegramRateLimits limits = new TelegramRateLimits(1, 1, 1);
        assertThat(limits.check("sendMessage", 1, 0)).isEmpty();
        for (int i = 0; i < 100; i++) {
            assertThat(limits.check("answerCallbackQuery", 1, i)).isEmpty();
        }
        assertThat(limits.check("sendMessage", 2, 1)).isPresent();
    }
}
