package com.quickcart.order.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sessions in this JVM only: right for a single order-service instance without Redis. Bounded:
 * past {@code maxSessions} the least recently used session is dropped (a session is only a hint;
 * losing one costs the user a tap, an unbounded map costs the pod its memory).
 */
public class InMemorySessionStore implements SessionStore {

    private final Map<Long, Stored> sessions;
    private final Duration ttl;
    private final Clock clock;

    public InMemorySessionStore(Duration ttl, Clock clock, int maxSessions) {
        this.ttl = ttl;
        this.clock = clock;
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Stored> eldest) {
                return size() > maxSessions;
            }
        };
    }

    @Override
    public synchronized Session load(long userId) {
        Stored entry = sessions.get(userId);
        if (entry == null || !entry.expiresAt().isAfter(clock.instant())) {
            sessions.remove(userId);
            return Session.EMPTY;
        }
        return entry.session();
    }

    @Override
    public synchronized void save(long userId, Session session) {
        sessions.put(userId, new Stored(session, clock.instant().plus(ttl)));
    }

    private record Stored(Session session, Instant expiresAt) {
    }
}
