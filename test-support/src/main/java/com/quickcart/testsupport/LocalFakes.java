package com.quickcart.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;

/**
 * The local run's stand-in for the outside APIs when no real bot token is configured: the
 * fake Bot API on a fixed port, printing every call it receives as one JSON line, so a
 * developer can watch what the bot "said" in {@code .run/logs/fake-apis.log}, and serving the
 * sandbox chat page, which posts what its people type to the ingress' Telegram webhook.
 * With a Pakasir port too, also the fake Pakasir, whose checkout page and payment simulation
 * post its webhook to the ingress like the real one. The webhook secret comes from the
 * environment ({@code TELEGRAM_WEBHOOK_SECRET}), not the command line, which {@code ps} shows. Usage:
 * {@code java -jar test-support-exec.jar <port> <token> <telegram-webhook-url> [<pakasir-port> <project> <api-key> <pakasir-webhook-url>]}.
 */
public final class LocalFakes {

    public static void main(String[] args) throws InterruptedException {
        String secret = System.getenv("TELEGRAM_WEBHOOK_SECRET");
        if ((args.length != 3 && args.length != 7) || secret == null || secret.isBlank()) {
            System.err.println("usage: TELEGRAM_WEBHOOK_SECRET=… LocalFakes <port> <bot-token> <telegram-webhook-url>"
                    + " [<pakasir-port> <project> <api-key> <pakasir-webhook-url>]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        ObjectMapper json = new ObjectMapper();
        FakeTelegramBotApi botApi = new FakeTelegramBotApi(port, args[1], call -> {
            var line = json.createObjectNode().put("fake", "telegram").put("method", call.method());
            line.set("params", call.params());
            call.files().forEach((name, bytes) -> line.with("files").put(name, bytes.length + " bytes"));
            System.out.println(line);
        });
        botApi.openSandbox(URI.create(args[2]), secret);
        System.out.println("{\"fake\":\"telegram\",\"listening\":\"" + botApi.baseUrl() + "\",\"sandbox\":\"" + botApi.sandboxUrl() + "\"}");
        if (args.length == 7) {
            FakePakasir pakasir = new FakePakasir(Integer.parseInt(args[3]), args[4], args[5]);
            pakasir.webhookUrl(args[6]);
            System.out.println("{\"fake\":\"pakasir\",\"listening\":\"" + pakasir.baseUrl() + "\",\"checkout\":\"" + pakasir.checkoutUrl() + "\"}");
        }
        Thread.currentThread().join();
    }

    private LocalFakes() {
    }
}
