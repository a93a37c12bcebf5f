package com.quickcart.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local run's stand-in for the outside APIs when no real bot token is configured: the
 * fake Bot API on a fixed port, printing every call it receives as one JSON line, so a
 * developer can watch what the bot "said" in {@code .run/logs/fake-apis.log}.
 * With a Pakasir port too, also the fake Pakasir, whose payment simulation posts its webhook to
 * the ingress like the real one. Usage:
 * {@code java -jar test-support-exec.jar <port> <token> [<pakasir-port> <project> <api-key> <webhook-url>]}.
 */
public final class LocalFakes {

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2 && args.length != 6) {
            System.err.println("usage: LocalFakes <port> <bot-token> [<pakasir-port> <project> <api-key> <webhook-url>]");
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
        System.out.println("{\"fake\":\"telegram\",\"listening\":\"" + botApi.baseUrl() + "\"}");
        if (args.length == 6) {
            FakePakasir pakasir = new FakePakasir(Integer.parseInt(args[2]), args[3], args[4]);
            pakasir.webhookUrl(args[5]);
            System.out.println("{\"fake\":\"pakasir\",\"listening\":\"" + pakasir.baseUrl() + "\"}");
        }
        Thread.currentThread().join();
    }

    private LocalFakes() {
    }
}
