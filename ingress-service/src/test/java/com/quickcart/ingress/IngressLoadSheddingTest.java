package com.quickcart.ingress;

import com.quickcart.testsupport.TestEnvironment;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow uploads neither keep well-formed webhooks out nor stay long: they hold no in-flight place
 * while their body trickles in and are cut off with 408 past the body-read timeout. Bodies that
 * arrive faster than the ingress can hold them are shed with 503 + Retry-After, and service resumes after.
 */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=ingress-service", "quickcart.ingress.max-in-flight=2",
                "quickcart.ingress.max-buffered-bytes=4096", "quickcart.ingress.body-read-timeout=2s"})
class IngressLoadSheddingTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.infrastructure().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort int port;
    @Autowired MeterRegistry meters;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Socket> slowUploads = new ArrayList<>();

    @AfterEach
    void hangUp() throws IOException {
        for (Socket socket : slowUploads) {
            socket.close();
        }
    }

    @Test
    void aWellFormedCallbackIsAcceptedWhileMoreSlowUploadsThanTheInFlightCapTrickleIn() throws Exception {
        for (int i = 0; i < 4; i++) {
            slowUploads.add(startSlowUpload(20));
        }
        Thread dribbler = Thread.ofVirtual().start(this::dribble);
        try {
            Thread.sleep(300); // every slow upload is in and has sent a byte more

            assertThat(pakasir(callback()).statusCode()).isEqualTo(200);
        } finally {
            dribbler.interrupt();
        }
    }

    @Test
    void anUploadThatTricklesPastTheBodyReadTimeoutIsCutOffWith408() throws Exception {
        Socket slow = startSlowUpload(20);
        slowUploads.add(slow);
        slow.setSoTimeout(10_000);
        Thread dribbler = Thread.ofVirtual().start(this::dribble);
        try {
            String answer = new String(slow.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(answer).isEqualTo("HTTP/1.1 408");
        } finally {
            dribbler.interrupt();
        }
    }

    @Test
    void bodiesArrivingFasterThanTheIngressCanHoldThemAreShedWith503AndRetryAfterUntilTheyAreGone() throws Exception {
        slowUploads.add(startSlowUpload(3_000));
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.get("quickcart.ingress.buffered_bytes").gauge().value() >= 3_000);

        HttpResponse<String> shed = pakasir(callback() + " ".repeat(1_200));

        assertThat(shed.statusCode()).isEqualTo(503);
        assertThat(shed.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(meters.get("quickcart.ingress.shed").counter().count()).isEqualTo(1);

        hangUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.get("quickcart.ingress.buffered_bytes").gauge().value() == 0);
        assertThat(pakasir(callback()).statusCode()).isEqualTo(200);
    }

    /** One more byte on every slow upload every 500 ms: never silent long enough for Tomcat's connection timeout. */
    private void dribble() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (Socket socket : slowUploads) {
                    socket.getOutputStream().write(' ');
                    socket.getOutputStream().flush();
                }
                Thread.sleep(500);
            }
        } catch (IOException | InterruptedException e) {
            // cut off, or the test is over
        }
    }

    /** Headers and the first {@code sent} bytes of a body announced larger, then nothing unless {@link #dribble()} adds more. */
    private Socket startSlowUpload(int sent) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /pakasir/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 8000\r\n\r\n{\"amount\":" + " ".repeat(Math.max(0, sent - 10))).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String callback() {
        return """
                {"amount":22000,"order_id":"QC-%s","project":"%s","status":"completed",
                 "payment_method":"qris","completed_at":"2026-11-24T10:00:00.000+07:00"}
                """.formatted(UUID.randomUUID().toString().substring(0, 8), TestEnvironment.PAKASIR_PROJECT);
    }

    private HttpResponse<String> pakasir(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pakasir/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
