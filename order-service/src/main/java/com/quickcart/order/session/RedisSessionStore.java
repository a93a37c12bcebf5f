package com.quickcart.order.session;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Redis hash per user ({@code qc:session:<userId>}). A save replaces the whole hash and
 * sets its TTL in one Lua script, so a reader never sees half a session and a session never
 * outlives its TTL without the fields.
 *
 * <p>A session holds only hints (the screen the user was on, an input being typed), so Redis
 * being slow or away must never stall the storefront: every command times out fast, commands are
 * refused rather than queued while disconnected, a failed load is an empty session and a failed
 * save is skipped. Each is counted in {@code quickcart.sessions.unavailable} and logged.
 */
public class RedisSessionStore implements SessionStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisSessionStore.class);

    private static final String REPLACE = """
            redis.call('DEL', KEYS[1])
            if #ARGV > 1 then
              redis.call('HSET', KEYS[1], unpack(ARGV, 2))
              redis.call('EXPIRE', KEYS[1], ARGV[1])
            end
            return 1
            """;

    /** While Redis is away, how often an update may try to connect (the others go on without a session). */
    private static final long RECONNECT_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final RedisClient client;
    private final long ttlSeconds;
    private final Counter failedLoads;
    private final Counter failedSaves;
    private StatefulRedisConnection<String, String> connection;
    private long nextConnectAttempt = System.nanoTime();

    public RedisSessionStore(String redisUrl, Duration ttl, Duration timeout, MeterRegistry meters) {
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(timeout);
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
        this.failedLoads = unavailable(meters, "load");
        this.failedSaves = unavailable(meters, "save");
    }

    private static Counter unavailable(MeterRegistry meters, String operation) {
        return Counter.builder("quickcart.sessions.unavailable").tag("operation", operation)
                .description("Session reads and writes Redis did not answer in time; the update went on without them")
                .register(meters);
    }

    @Override
    public Session load(long userId) {
        try {
            return Session.fromFields(redis().hgetall(key(userId)));
        } catch (RuntimeException e) {
            failedLoads.increment();
            log.warn("session store unavailable, going on with an empty session user_id={}: {}", userId, e.getMessage());
            return Session.EMPTY;
        }
    }

    @Override
    public void save(long userId, Session session) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(ttlSeconds));
        for (Map.Entry<String, String> field : session.toFields().entrySet()) {
            args.add(field.getKey());
            args.add(field.getValue());
        }
        try {
            redis().eval(REPLACE, ScriptOutputType.INTEGER, new String[]{key(userId)}, args.toArray(String[]::new));
        } catch (RuntimeException e) {
            failedSaves.increment();
            log.warn("session store unavailable, session not saved user_id={}: {}", userId, e.getMessage());
        }
    }

    /** Connects on first use, so order-service starts and serves while Redis is down; Lettuce reconnects from then on. */
    private synchronized RedisCommands<String, String> redis() {
        if (connection == null) {
            if (System.nanoTime() - nextConnectAttempt < 0) {
                throw new IllegalStateException("Redis unreachable, next connection attempt in a few seconds");
            }
            nextConnectAttempt = System.nanoTime() + RECONNECT_EVERY_NANOS;
            connection = client.connect();
        }
        return connection.sync();
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }

    private static String key(long userId) {
        return "qc:session:" + userId;
    }
}
