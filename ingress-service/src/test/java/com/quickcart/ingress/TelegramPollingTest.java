package com.quickcart.ingress;

import com.quickcart.common.events.Topics;
import com.quickcart.testsupport.FakeTelegramBotApi;
import com.quickcart.testsupport.KafkaBroker;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TestEnvironment;
import com.quickcart.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=ingress-service", "TELEGRAM_MODE=polling", "quickcart.ingress.poll-timeout=1s"})
class TelegramPollingTest {

    private static final FakeTelegramBotApi botApi = new FakeTelegramBotApi();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.infrastructure().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("TELEGRAM_API_URL", botApi::baseUrl);
    }

    @AfterAll
    static void stop() {
        botApi.close();
    }

    @Test
    void polledUpdatesArePublishedAndTheOffsetMovesPastThemOnlyAfterwards() {
        long chatId = TelegramUpdates.newChatId();
        long updateId = TelegramUpdates.nextUpdateId();
        try (TopicProbe updates = new TopicProbe(KafkaBroker.bootstrapServers(), Topics.TELEGRAM_UPDATES)) {
            botApi.queueUpdate(TelegramUpdates.text(updateId, chatId, "/start", "en"));

            updates.awaitOne(s -> Long.toString(chatId).equals(s.key()), Duration.ofSeconds(20));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> botApi.calls().stream()
                .anyMatch(c -> c.method().equals("getUpdates") && c.params().path("offset").asLong() == updateId + 1));
        assertThat(botApi.calls()).extracting(FakeTelegramBotApi.BotCall::method).contains("deleteWebhook");
    }
}
