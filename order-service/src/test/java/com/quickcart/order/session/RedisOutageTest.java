package com.quickcart.order.session;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Redis away or hung must not stall the storefront: an update goes on with an empty session
 * within the session timeout (200 ms here, Lettuce's default would be 60 s), and the operator sees it counted.
 */
class RedisOutageTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void withNothingListeningAnUpdateGoesOnAtOnceWithAnEmptySession() throws IOException {
        RedisSessionStore store = store("redis://127.0.0.1:" + closedPort());

        long started = System.nanoTime();
        Session loaded = store.load(7);
        assertThatCode(() -> store.save(7, Session.EMPTY.with("product", "42"))).doesNotThrowAnyException();

        assertThat(loaded).isEqualTo(Session.EMPTY);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(unavailable("load")).isEqualTo(1);
        assertThat(unavailable("save")).isEqualTo(1);
    }

    @Test
    void aRedisThatAcceptsButNeverAnswersCostsAnUpdateTheTimeoutNotAMinute() throws IOException {
        ServerSocket hung = new ServerSocket(0);
        resources.add(hung);
        List<Socket> accepted = new ArrayList<>();
        Thread.ofVirtual().start(() -> {
            try {
                while (!hung.isClosed()) {
                    accepted.add(hung.accept()); // read nothing, answer nothing
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        RedisSessionStore store = store("redis://127.0.0.1:" + hung.getLocalPort());

        long started = System.nanoTime();
        Session loaded = store.load(8);

        assertThat(loaded).isEqualTo(Session.EMPTY);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(unavailable("load")).isEqualTo(1);
    }

    private RedisSessionStore store(String url) {
        RedisSessionStore store = new RedisSessionStore(url, Duration.ofDays(7), TIMEOUT, meters);
        resources.add(store);
        return store;
    }

    private double unavailable(String operation) {
        return meters.get("quickcart.sessions.unavailable").tag("operation", operation).counter().count();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
