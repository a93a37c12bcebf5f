package com.quickcart.order.config;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorePropertiesTest {

    private static StoreProperties store(String botUsername, String timezone, int summaryHour) {
        return new StoreProperties("Toko", "Toko Bot", "@toko", "https://toko.example/guide", null, List.of(1L), 10_000, 50_000,
                botUsername, timezone, summaryHour);
    }

    @Test
    void theBotsUsernameBecomesItsPublicLinkWithOrWithoutTheAtSign() {
        assertThat(store("@TokoKitaBot", "Asia/Jakarta", 21).botLink()).contains("https://t.me/TokoKitaBot");
        assertThat(store("toko_kita_bot", "Asia/Jakarta", 21).botLink()).contains("https://t.me/toko_kita_bot");
        assertThat(store("", "Asia/Jakarta", 21).botLink()).isEmpty();
    }

    @Test
    void aUsernameTelegramWouldNotAcceptIsRefusedAtStartWithWhatItMustBe() {
        for (String wrong : new String[]{"TokoKita", "bot", "1TokoBot", "toko kita bot", "t.me/TokoBot", "a".repeat(30) + "bot"}) {
            assertThatThrownBy(() -> store(wrong, "Asia/Jakarta", 21)).as(wrong)
                    .hasMessageContaining("BOT_USERNAME must be the bot's Telegram username");
        }
    }

    @Test
    void theTimeZoneAndTheSummaryHourAreCheckedAtStart() {
        assertThat(store(null, "Asia/Makassar", 8).timezone()).isEqualTo(ZoneId.of("Asia/Makassar"));
        assertThat(store(null, "Asia/Jakarta", -1).dailySummaryHour()).as("no summary").isEqualTo(-1);
        assertThatThrownBy(() -> store(null, "Jakarta", 21)).hasMessageContaining("STORE_TIMEZONE must be a time zone");
        assertThatThrownBy(() -> store(null, "Asia/Jakarta", 24)).hasMessageContaining("DAILY_SUMMARY_HOUR must be 0-23");
    }
}
