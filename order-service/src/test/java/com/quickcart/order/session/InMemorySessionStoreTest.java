package com.quickcart.order.session;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class InMemorySessionStoreTest extends SessionStoreContract {

    private final MovableClock clock = new MovableClock();

    @Override
    SessionStore storeWithShortTtl() {
        return new InMemorySessionStore(Duration.ofSeconds(1), clock, 1000);
    }

    @Test
    void aFullStoreDropsTheLeastRecentlyUsedSessionNotTheActiveOnes() {
        InMemorySessionStore store = new InMemorySessionStore(Duration.ofDays(7), clock, 2);
        Session browsing = Session.EMPTY.with("product", "42");
        store.save(1, browsing);
        store.save(2, browsing);
        store.load(1); // user 1 is still active; user 2 went quiet

        store.save(3, browsing);

        assertThat(store.load(2)).isEqualTo(Session.EMPTY);
        assertThat(store.load(1)).isEqualTo(browsing);
        assertThat(store.load(3)).isEqualTo(browsing);
    }

    @Override
    void waitPastTtl(SessionStore store, long userId) {
        clock.now = clock.now.plusSeconds(2);
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
