package com.quickcart.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake's bank side: a customer pays a live code, and cannot pay one that expired or that the merchant cancelled. */
class FakePakasirPaymentTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final FakePakasir pakasir = new FakePakasir();

    @AfterEach
    void stop() {
        pakasir.close();
    }

    @Test
    void aLiveCodeIsPaidOnce() throws Exception {
        call("transactioncreate/qris", "QC-PAY0000001");

        assertThat(pakasir.pay("QC-PAY0000001")).isTrue();
        assertThat(pakasir.transaction("QC-PAY0000001").status()).isEqualTo("completed");
        assertThat(pakasir.pay("QC-PAY0000001")).as("paid already").isFalse();
    }

    @Test
    void anExpiredCodeCannotBePaid() throws Exception {
        pakasir.validity(Duration.ofMillis(1));
        call("transactioncreate/qris", "QC-PAY0000002");
        Thread.sleep(20); // past the code's validity

        assertThat(pakasir.pay("QC-PAY0000002")).isFalse();
        assertThat(pakasir.transaction("QC-PAY0000002").status()).isEqualTo("pending");
    }

    @Test
    void aCancelledCodeCannotBePaid() throws Exception {
        call("transactioncreate/qris", "QC-PAY0000003");
        call("transactioncancel", "QC-PAY0000003");

        assertThat(pakasir.pay("QC-PAY0000003")).isFalse();
        assertThat(pakasir.transaction("QC-PAY0000003").status()).isEqualTo("canceled");
    }

    private void call(String path, String orderId) throws Exception {
        String body = "{\"project\":\"" + FakePakasir.PROJECT + "\",\"api_key\":\"" + FakePakasir.API_KEY
                + "\",\"order_id\":\"" + orderId + "\",\"amount\":45000}";
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(pakasir.baseUrl() + "/api/" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
