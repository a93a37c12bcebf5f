package com.quickcart.order.session;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Against the real Redis on 127.0.0.1:6379 (QC_TEST_REDIS_URL to point elsewhere). */
class RedisSessionStoreTest extends SessionStoreContract {

    private RedisSessionStore store;

    @Override
    SessionStore storeWithShortTtl() {
        String url = System.getenv().getOrDefault("QC_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        store = new RedisSessionStore(url, Duration.ofSeconds(1), Duration.ofSeconds(2), new SimpleMeterRegistry());
        return store;
    }

    @Override
    void waitPastTtl(SessionStore store, long userId) {
        await().atMost(Duration.ofSeconds(5)).until(() -> store.load(userId).equals(Session.EMPTY));
    }

    @AfterEach
    void close() {
        store.close();
    }
}
