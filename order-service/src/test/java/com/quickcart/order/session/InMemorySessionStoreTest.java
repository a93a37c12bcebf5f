package com.quickcart.order.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

class InMemorySessionStoreTest extends SessionStoreContract {

    private final MovableClock clock = new MovableClock();

    @Override
    SessionStore storeWithShortTtl() {
        return new InMemorySessionStore(Duration.ofSeconds(1), clock);
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
