package com.quickcart.order.session;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Redis hash per user ({@code qc:session:<userId>}). A save replaces the whole hash and
 * sets its TTL in one Lua script, so a reader never sees half a session and a session never
 * outlives its TTL without the fields.
 */
public class RedisSessionStore implements SessionStore, AutoCloseable {

    private static final String REPLACE = """
            redis.call('DEL', KEYS[1])
            if #ARGV > 1 then
              redis.call('HSET', KEYS[1], unpack(ARGV, 2))
              redis.call('EXPIRE', KEYS[1], ARGV[1])
            end
            return 1
            """;

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final long ttlSeconds;

    public RedisSessionStore(RedisClient client, Duration ttl) {
        this.client = client;
        this.connection = client.connect();
        this.redis = connection.sync();
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
    }

    @Override
    public Session load(long userId) {
        return Session.fromFields(redis.hgetall(key(userId)));
    }

    @Override
    public void save(long userId, Session session) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(ttlSeconds));
        for (Map.Entry<String, String> field : session.toFields().entrySet()) {
            args.add(field.getKey());
            args.add(field.getValue());
        }
        redis.eval(REPLACE, ScriptOutputType.INTEGER, new String[]{key(userId)}, args.toArray(String[]::new));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }

    private static String key(long userId) {
        return "qc:session:" + userId;
    }
}
