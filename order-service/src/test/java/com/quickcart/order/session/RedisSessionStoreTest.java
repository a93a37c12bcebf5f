package com.quickcart.order.session;

import com.quickcart.testsupport.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Against a real Redis (test-support's TestRedis: the local one, a container, or QC_TEST_REDIS_URL). */
class RedisSessionStoreTest extends SessionStoreContract {

    private RedisSessionStore store;

    @Override
    SessionStore storeWithShortTtl() {
        String url = TestRedis.url();
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
