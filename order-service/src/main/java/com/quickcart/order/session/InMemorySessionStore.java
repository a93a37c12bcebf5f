package com.quickcart.order.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions in this JVM only: right for a single order-service instance without Redis. */
public class InMemorySessionStore implements SessionStore {

    private final ConcurrentHashMap<Long, Entry> sessions = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public InMemorySessionStore(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Session load(long userId) {
        Entry entry = sessions.get(userId);
        if (entry == null || !entry.expiresAt().isAfter(clock.instant())) {
            sessions.remove(userId);
            return Session.EMPTY;
        }
        return entry.session();
    }

    @Override
    public void save(long userId, Session session) {
        sessions.put(userId, new Entry(session, clock.instant().plus(ttl)));
    }

    private record Entry(Session session, Instant expiresAt) {
    }
}
