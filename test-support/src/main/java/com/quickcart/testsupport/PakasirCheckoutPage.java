package com.quickcart.testsupport;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's stand-in for Pakasir's hosted checkout, at the same address shape
 * ({@code /pay/<project>/<amount>?order_id=…}): it shows the transaction and lets the person
 * pay it (Pakasir then reports it completed and posts its webhook, so the order completes as in
 * production) or let it expire (Pakasir reports it expired; the store finds out at its own
 * expiry sweep, as it would in production).
 */
final class PakasirCheckoutPage {

    private static final Pattern PATH = Pattern.compile("/pay/([^/]{1,100})/(\\d{1,12})");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Jakarta"));

    private final FakePakasir pakasir;

    PakasirCheckoutPage(FakePakasir pakasir) {
        this.pakasir = pakasir;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            String orderId = FakeHttpServer.form(exchange.getRequestURI().getRawQuery()).getOrDefault("order_id", "");
            if (!path.matches() || !path.group(1).equals(pakasir.project())) {
                page(exchange, 404, "Not found", "<p>No such Pakasir project here.</p>");
                return;
            }
            FakePakasir.Transaction transaction = pakasir.transaction(orderId);
            if (transaction == null || transaction.amount() != Long.parseLong(path.group(2))) {
                page(exchange, 404, "Not found", "<p>No transaction " + escape(orderId) + " of this amount.</p>");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "GET" -> page(exchange, 200, "Pay " + rupiah(transaction.totalPayment()), details(orderId, transaction));
                case "POST" -> act(exchange, orderId, transaction);
                default -> page(exchange, 405, "Not allowed", "<p>GET or POST only.</p>");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The two buttons: pay, or let the code run out. Answers with a redirect back to the page (post/redirect/get). */
    private void act(HttpExchange exchange, String orderId, FakePakasir.Transaction transaction) throws IOException, InterruptedException {
        Map<String, String> form = FakeHttpServer.form(new String(exchange.getRequestBody().readNBytes(4096), StandardCharsets.UTF_8));
        String action = form.getOrDefault("action", "");
        if (!transaction.status().equals("pending")) {
            page(exchange, 409, "Already " + transaction.status(), details(orderId, transaction));
            return;
        }
        switch (action) {
            case "pay" -> {
                pakasir.markPaid(orderId);
                pakasir.sendWebhook(orderId);
            }
            case "expire" -> pakasir.markExpired(orderId);
            default -> {
                page(exchange, 400, "Unknown action", "<p>action must be pay or expire.</p>");
                return;
            }
        }
        exchange.getResponseHeaders().set("Location", exchange.getRequestURI().toString());
        exchange.sendResponseHeaders(303, -1);
    }

    private static String details(String orderId, FakePakasir.Transaction t) {
        String rows = """
                <dl>
                  <dt>Order ID</dt><dd id="order-id">%s</dd>
                  <dt>Amount</dt><dd>%s</dd>
                  <dt>QRIS fee</dt><dd>%s</dd>
                  <dt>Total payment</dt><dd class="total">%s</dd>
                  <dt>Valid until</dt><dd>%s WIB</dd>
                </dl>
                """.formatted(escape(orderId), rupiah(t.amount()), rupiah(t.fee()), rupiah(t.totalPayment()), TIME.format(t.expiresAt()));
        String state = switch (t.status()) {
            case "pending" -> """
                    <p class="status pending">Waiting for payment</p>
                    <form method="post"><button id="pay" name="action" value="pay">Pay %s</button></form>
                    <form method="post"><button id="expire" class="secondary" name="action" value="expire">Let it expire</button></form>
                    """.formatted(rupiah(t.totalPayment()));
            case "completed" -> "<p class=\"status paid\" id=\"status\">✅ Payment completed. You can close this page: "
                    + "the store has been told.</p>";
            case "expired" -> "<p class=\"status expired\" id=\"status\">⌛ This QRIS code has expired. The store cancels the order "
                    + "at its next expiry check after " + TIME.format(t.expiresAt()) + " WIB.</p>";
            default -> "<p class=\"status expired\" id=\"status\">✖ This transaction was " + escape(t.status()) + ".</p>";
        };
        return rows + state;
    }

    private void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        String html;
        try (InputStream in = PakasirCheckoutPage.class.getResourceAsStream("/sandbox/checkout.html")) {
            if (in == null) {
                throw new IllegalStateException("sandbox/checkout.html is missing from test-support's resources");
            }
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        html = html.replace("{{title}}", escape(title)).replace("{{project}}", escape(pakasir.project())).replace("{{body}}", body);
        FakeHttpServer.respond(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static String rupiah(long amount) {
        return "Rp " + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id")).format(amount);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
