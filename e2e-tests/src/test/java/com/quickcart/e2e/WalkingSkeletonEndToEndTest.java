package com.quickcart.e2e;

import com.quickcart.testsupport.FakeTelegramBotApi.BotCall;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WalkingSkeletonEndToEndTest {

    private static Cluster cluster;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startCluster() {
        cluster = Cluster.shared();
    }

    @Test
    void startPostedToTheWebhookReachesTheBotApiWithTheStoreName() throws Exception {
        long chatId = TelegramUpdates.newChatId();
        String update = TelegramUpdates.text(TelegramUpdates.nextUpdateId(), chatId, "/start", "en").toString();

        assertThat(postTelegram(update).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> !cluster.botApi.calls("sendMessage", chatId).isEmpty());
        BotCall welcome = cluster.botApi.calls("sendMessage", chatId).getFirst();
        assertThat(welcome.text()).contains(Cluster.STORE_NAME).contains("Budi");
        assertThat(welcome.chatId()).isEqualTo(chatId);
    }

    @Test
    void theSameUpdateDeliveredThreeTimesIsAnsweredOnce() throws Exception {
        long chatId = TelegramUpdates.newChatId();
        String update = TelegramUpdates.text(TelegramUpdates.nextUpdateId(), chatId, "/start", "id").toString();

        for (int i = 0; i < 3; i++) {
            assertThat(postTelegram(update).statusCode()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> !cluster.botApi.calls("sendMessage", chatId).isEmpty());
        // Give duplicates every chance to show up before asserting there are none.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> cluster.botApi.calls("sendMessage", chatId).size() == 1);
        assertThat(cluster.botApi.calls("sendMessage", chatId).getFirst().text()).contains("selamat datang");
    }

    @Test
    void anUpdateWithTheWrongSecretNeverReachesTheBot() throws Exception {
        long chatId = TelegramUpdates.newChatId();
        String update = TelegramUpdates.text(TelegramUpdates.nextUpdateId(), chatId, "/start", "en").toString();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cluster.ingressUrl("/telegram/webhook")))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "not-the-secret")
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> cluster.botApi.calls("sendMessage", chatId).isEmpty());
    }

    @Test
    void everyServiceReportsHealthy() throws Exception {
        List<ConfigurableApplicationContext> services = cluster.services();
        for (ConfigurableApplicationContext service : services) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create(Cluster.actuatorUrl(service, "/health"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(service.getId()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
        }
    }

    private HttpResponse<String> postTelegram(String update) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cluster.ingressUrl("/telegram/webhook")))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", TestEnvironment.WEBHOOK_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
