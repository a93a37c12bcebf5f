package com.quickcart.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake Pakasir's checkout page: what a person pressing its buttons makes Pakasir report and post. */
class PakasirCheckoutPageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Store store = new Store();
    private final FakePakasir pakasir = new FakePakasir();

    PakasirCheckoutPageTest() throws Exception {
        pakasir.webhookUrl(store.baseUrl() + "/pakasir/webhook");
        String create = "{\"project\":\"" + FakePakasir.PROJECT + "\",\"api_key\":\"" + FakePakasir.API_KEY
                + "\",\"order_id\":\"QC-PAGE000001\",\"amount\":45000}";
        HTTP.send(HttpRequest.newBuilder(URI.create(pakasir.baseUrl() + "/api/transactioncreate/qris"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(create)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @AfterEach
    void stop() {
        pakasir.close();
        store.close();
    }

    @Test
    void thePageShowsPakasirsTotalAndPayingCompletesTheTransactionAndPostsTheWebhook() throws Exception {
        String page = pakasir.checkoutUrl() + "/45000?order_id=QC-PAGE000001";
        assertThat(get(page).body()).contains("QC-PAGE000001", "Rp 45.625", "Let it expire");

        HttpResponse<String> paid = press(page, "pay");

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(pakasir.transaction("QC-PAGE000001").status()).isEqualTo("completed");
        assertThat(store.webhooks).singleElement().satisfies(body -> {
            assertThat(body.path("order_id").asText()).isEqualTo("QC-PAGE000001");
            assertThat(body.path("status").asText()).isEqualTo("completed");
            assertThat(body.path("amount").asLong()).isEqualTo(45_000);
        });
        assertThat(get(page).body()).contains("Payment completed");
        assertThat(press(page, "pay").statusCode()).as("a second payment").isEqualTo(409);
    }

    @Test
    void lettingItExpireMakesPakasirReportItExpiredAndPostsNothing() throws Exception {
        String page = pakasir.checkoutUrl() + "/45000?order_id=QC-PAGE000001";

        press(page, "expire");

        assertThat(pakasir.transaction("QC-PAGE000001").status()).isEqualTo("expired");
        assertThat(store.webhooks).isEmpty();
        assertThat(get(page).body()).contains("expired");
    }

    @Test
    void anotherAmountProjectOrActionIsRefused() throws Exception {
        assertThat(get(pakasir.checkoutUrl() + "/1000?order_id=QC-PAGE000001").statusCode()).isEqualTo(404);
        assertThat(get(pakasir.baseUrl() + "/pay/other-project/45000?order_id=QC-PAGE000001").statusCode()).isEqualTo(404);
        assertThat(press(pakasir.checkoutUrl() + "/45000?order_id=QC-PAGE000001", "refund").statusCode()).isEqualTo(400);
        assertThat(pakasir.transaction("QC-PAGE000001").status()).isEqualTo("pending");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> press(String url, String action) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=" + action)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Records Pakasir's webhooks, as the ingress would receive them. */
    private static final class Store extends FakeHttpServer {
        final List<JsonNode> webhooks = new CopyOnWriteArrayList<>();

        Store() {
            super(0, 2);
            route("/pakasir/webhook", exchange -> {
                try (exchange) {
                    webhooks.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                    respond(exchange, 200, "application/json", new byte[0]);
                }
            });
        }
    }
}
