package com.quickcart.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local run's stand-in for the outside APIs when no real bot token is configured: the
 * fake Bot API on a fixed port, printing every call it receives as one JSON line, so a
 * developer can watch what the bot "said" in {@code .run/logs/fake-apis.log}.
 * Usage: {@code java -jar test-support-exec.jar <port> <token>}.
 */
public final class LocalFakes {

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: LocalFakes <port> <bot-token>");
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
        Thread.currentThread().join();
    }

    private LocalFakes() {
    }
}
