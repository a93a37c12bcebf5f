package com.quickcart.faults;

import com.quickcart.testsupport.TestEnvironment;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What strangers post at the public endpoints: bodies of every wrong kind (valid JSON of the wrong
 * shape, numbers past any type, nesting thousands deep, broken UTF-8, wrong content types, random
 * bytes, bodies just over the limit), and uploads that trickle in a byte at a time to hold
 * connections. The answers are counted by status; a 5xx to any of them is a defect (they are all
 * the sender's fault: 4xx, or 200 for what happens to parse).
 */
final class HostileInput {

    private static final String[] CONTENT_TYPES = {"application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded", "application/json; charset=latin1", ""};

    private final FaultCluster cluster;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    HostileInput(FaultCluster cluster) {
        this.cluster = cluster;
    }

    /** Posts {@code count} fuzzed bodies at {@code path}; returns how many got each status (0: no answer). */
    Map<Integer, Integer> fuzz(String path, int count, long seed) {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(16);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                Random random = new Random(seed + i);
                inFlight.acquireUninterruptibly();
                pool.submit(() -> {
                    try {
                        int status = post(path, body(path, random), CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)],
                                path.startsWith("/telegram") && random.nextInt(10) > 0);
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((status, n) -> counted.put(status, n.get()));
        return counted;
    }

    private int post(String path, byte[] body, String contentType, boolean withSecret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.ingressUrl(path))).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (withSecret) {
            request.header("X-Telegram-Bot-Api-Secret-Token", TestEnvironment.WEBHOOK_SECRET);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static byte[] body(String path, Random random) {
        boolean telegram = path.startsWith("/telegram");
        return switch (random.nextInt(10)) {
            case 0 -> utf8(List.of("[]", "{}", "null", "true", "\"update\"", "42", "[{\"update_id\":1}]", "{\"update_id\":null}")
                    .get(random.nextInt(8)));
            case 1 -> utf8(telegram
                    ? "{\"update_id\":\"" + random.nextInt() + "\",\"message\":" + randomJson(random, 3) + "}"
                    : "{\"order_id\":" + randomJson(random, 2) + ",\"amount\":\"lots\",\"project\":\"" + TestEnvironment.PAKASIR_PROJECT + "\"}");
            case 2 -> utf8(telegram
                    ? "{\"update_id\":" + hugeNumber(random) + ",\"message\":{\"chat\":{\"id\":" + hugeNumber(random) + "},\"text\":\"/start\"}}"
                    : "{\"order_id\":\"QC-" + random.nextInt(1000) + "\",\"amount\":" + hugeNumber(random)
                    + ",\"project\":\"" + TestEnvironment.PAKASIR_PROJECT + "\",\"status\":\"completed\"}");
            case 3 -> utf8(nested(random.nextBoolean() ? "[" : "{\"a\":", random.nextBoolean() ? "]" : "}", 500 + random.nextInt(20_000)));
            case 4 -> badUtf8(random, telegram);
            case 5 -> {
                byte[] bytes = new byte[random.nextInt(4096)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 6 -> utf8(randomJson(random, 6));
            case 7 -> utf8("{\"update_id\":1,\"message\":{\"text\":\"" + "x".repeat(random.nextInt(50) == 0 ? 1_100_000 : random.nextInt(70_000))
                    + "\"}}"); // around and over the limits (a few over the largest)
            case 8 -> utf8(telegram
                    ? "{\"update_id\":" + random.nextInt(1_000_000) + ",\"callback_query\":{\"id\":\"1\",\"from\":{\"id\":-1},\"data\":"
                    + randomJson(random, 2) + "}}"
                    : "{\"order_id\":\"QC-FUZZ" + random.nextInt(100_000) + "\",\"amount\":" + random.nextInt() + ",\"project\":\""
                    + TestEnvironment.PAKASIR_PROJECT + "\",\"status\":\"completed\",\"completed_at\":\"yesterday\"}");
            default -> utf8(randomJson(random, 1) + randomJson(random, 1)); // two documents in one body
        };
    }

    private static String hugeNumber(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "1e" + (300 + random.nextInt(100_000));
            case 1 -> "9".repeat(20 + random.nextInt(5_000));
            case 2 -> "-" + "9".repeat(25);
            default -> Long.toString(Long.MAX_VALUE) + "0";
        };
    }

    private static String nested(String open, String close, int depth) {
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private static byte[] badUtf8(Random random, boolean telegram) {
        byte[] head = utf8(telegram ? "{\"update_id\":7,\"message\":{\"chat\":{\"id\":1},\"text\":\"" : "{\"order_id\":\"");
        byte[] broken = {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xE2, (byte) 0x28, (byte) 0xA1, (byte) 0xF0,
                (byte) 0x28, (byte) 0x8C, (byte) 0xBC, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] tail = utf8(telegram ? "\"}}" : "\",\"project\":\"" + TestEnvironment.PAKASIR_PROJECT + "\"}");
        int n = 1 + random.nextInt(broken.length);
        byte[] body = new byte[head.length + n + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(broken, random.nextInt(broken.length - n + 1), body, head.length, n);
        System.arraycopy(tail, 0, body, head.length + n, tail.length);
        return body;
    }

    private static String randomJson(Random random, int depth) {
        if (depth <= 0) {
            return switch (random.nextInt(5)) {
                case 0 -> Integer.toString(random.nextInt());
                case 1 -> "\"" + Long.toString(random.nextLong(), 36) + "\"";
                case 2 -> "null";
                case 3 -> Double.toString(random.nextGaussian() * 1e300);
                default -> random.nextBoolean() ? "true" : "false";
            };
        }
        StringBuilder json = new StringBuilder(random.nextBoolean() ? "{" : "[");
        boolean object = json.charAt(0) == '{';
        int fields = random.nextInt(5);
        String[] keys = {"update_id", "message", "chat", "id", "text", "callback_query", "data", "order_id", "amount", "status", "from"};
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                json.append(',');
            }
            if (object) {
                json.append('"').append(keys[random.nextInt(keys.length)]).append("\":");
            }
            json.append(randomJson(random, depth - 1 - random.nextInt(2)));
        }
        return json.append(object ? '}' : ']').toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code connections} senders that announce a body and send it a byte every {@code every}, for
     * {@code lasting}; returns how many the ingress cut off before they finished (it should: a stalled
     * upload must not hold a connection or an in-flight permit for long).
     */
    int slowUploads(String path, int connections, Duration every, Duration lasting) {
        AtomicInteger cutOff = new AtomicInteger();
        URI uri = URI.create(cluster.ingressUrl(path));
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            senders.add(Thread.ofVirtual().start(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: application/json\r\n"
                            + "X-Telegram-Bot-Api-Secret-Token: " + TestEnvironment.WEBHOOK_SECRET + "\r\nContent-Length: 100000\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    long end = System.nanoTime() + lasting.toNanos();
                    while (System.nanoTime() < end) {
                        out.write('{');
                        out.flush();
                        Thread.sleep(every);
                    }
                } catch (IOException e) {
                    cutOff.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread sender : senders) {
            try {
                sender.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return cutOff.get();
    }
}
