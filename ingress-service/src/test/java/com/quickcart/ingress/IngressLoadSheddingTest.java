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

/** A flood of slow uploads is shed with 503 + Retry-After once the in-flight cap is reached, and service resumes after. */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=ingress-service", "quickcart.ingress.max-in-flight=2"})
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
    void pastTheInFlightCapARequestIsShedWith503AndRetryAfterUntilTheSlowOnesAreGone() throws Exception {
        slowUploads.add(startSlowUpload());
        slowUploads.add(startSlowUpload());
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.get("quickcart.ingress.in_flight").gauge().value() == 2);

        HttpResponse<String> shed = pakasir(callback());

        assertThat(shed.statusCode()).isEqualTo(503);
        assertThat(shed.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(meters.get("quickcart.ingress.shed").counter().count()).isEqualTo(1);

        hangUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.get("quickcart.ingress.in_flight").gauge().value() == 0);
        assertThat(pakasir(callback()).statusCode()).isEqualTo(200);
    }

    /** Headers and half a body, then silence: the request holds its place until the connection times out. */
    private Socket startSlowUpload() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /pakasir/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 600\r\n\r\n{\"amount\":").getBytes(StandardCharsets.US_ASCII));
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
