package com.quickcart.ingress;

import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TestEnvironment;
import com.quickcart.testsupport.UpdateTransitKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Kafka unreachable: the sender must hear 503 (and retry later), never 200. */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=ingress-service",
                "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:${quickcart.test.dead-port}",
                "TELEGRAM_WEBHOOK_SECRET=" + TestEnvironment.WEBHOOK_SECRET,
                "PAKASIR_PROJECT=" + TestEnvironment.PAKASIR_PROJECT,
                "quickcart.ingress.publish-timeout=1500ms",
                "spring.kafka.producer.properties.max.block.ms=1000",
                "spring.kafka.admin.fail-fast=false",
                "spring.kafka.admin.operation-timeout=2s",
                "spring.kafka.admin.properties.default.api.timeout.ms=2000",
                "spring.kafka.admin.properties.request.timeout.ms=1000"})
class IngressWithoutKafkaTest {

    static {
        // A port that nothing listens on: bind, learn the number, close.
        try (ServerSocket socket = new ServerSocket(0)) {
            System.setProperty("quickcart.test.dead-port", Integer.toString(socket.getLocalPort()));
            // The key ingress seals typed text with (docs/adr/0022), which it needs to start.
            System.setProperty(UpdateTransitKeys.PUBLIC_KEY_VARIABLE, UpdateTransitKeys.publicKey());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;

    @Test
    void anUpdateKafkaCannotTakeIsAnsweredWith503SoTelegramRetries() throws Exception {
        String update = TelegramUpdates.text(TelegramUpdates.nextUpdateId(), TelegramUpdates.newChatId(), "/start", "en").toString();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                        .header("X-Telegram-Bot-Api-Secret-Token", TestEnvironment.WEBHOOK_SECRET)
                        .POST(HttpRequest.BodyPublishers.ofString(update)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
    }

    @Test
    void withoutKafkaTheInstanceIsAliveButNotReadySoItGetsNoTraffic() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> liveness = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"kafka\"", "DOWN");
        assertThat(liveness.statusCode()).isEqualTo(200);
    }
}
