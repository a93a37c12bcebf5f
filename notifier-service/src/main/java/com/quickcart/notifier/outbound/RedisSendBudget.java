package com.quickcart.notifier.outbound;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The bot-wide budget shared by every notifier instance through Redis. A bulk slot is a GCRA
 * reservation done in one Lua script on Redis's clock, so instances with skewed clocks still
 * share one schedule; a 429 pause is a key with a TTL. If Redis does not answer, the instance
 * falls back to its own share ({@code perSecond / instances}) rather than stop sending.
 */
public class RedisSendBudget implements SendBudget, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisSendBudget.class);

    /** The keys every notifier instance shares. */
    public static final String NAMESPACE = "qc:notifier:budget";

    /**
     * KEYS[i] the theoretical arrival time in µs of schedule i; ARGV[2i-1] its interval µs, ARGV[2i]
     * its burst. Reserves a slot in every schedule at once; returns the longest wait in µs. The key
     * lives a second past its schedule, and at least a millisecond: with thousands of slots a second
     * the schedule may trail the clock by almost a second, and Redis refuses an expiry of zero.
     */
    private static final String RESERVE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local wait = 0
            for i, key in ipairs(KEYS) do
              local interval = tonumber(ARGV[2 * i - 1])
              local burst = tonumber(ARGV[2 * i])
              local tat = tonumber(redis.call('GET', key) or '0')
              tat = math.max(tat, now - (burst - 1) * interval) + interval
              redis.call('SET', key, string.format('%.0f', tat), 'PX', math.max(1, math.floor((tat - now) / 1000) + 1000))
              wait = math.max(wait, tat - interval - now)
            end
            return wait
            """;

    /** While Redis is away, how often a call may try to connect again (the rest go straight to the fallback). */
    private static final long RECONNECT_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private long nextConnectAttempt = System.nanoTime();
    private final long intervalMicros;
    private final int burst;
    private final SendBudget fallback;
    private final String bulkKey;
    private final String broadcastKey;
    private final String pauseKey;
    private final long broadcastIntervalMicros;
    private final boolean broadcastDrawsOnBulk;

    public RedisSendBudget(String redisUrl, String namespace, int perSecond, int fallbackPerSecond, Duration timeout) {
        this(redisUrl, namespace, perSecond, fallbackPerSecond, timeout, BroadcastPace.under(perSecond));
    }

    public RedisSendBudget(String redisUrl, String namespace, int perSecond, int fallbackPerSecond, Duration timeout,
                           BroadcastPace pace) {
        this.bulkKey = namespace + ":bulk";
        this.broadcastKey = namespace + ":broadcast";
        this.pauseKey = namespace + ":pause";
        this.broadcastIntervalMicros = 1_000_000L / pace.perSecond();
        this.broadcastDrawsOnBulk = !pace.paid();
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(timeout);
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        this.intervalMicros = 1_000_000L / perSecond;
        this.burst = perSecond; // a second's worth may go at once, as Telegram's own counting allows
        int fallbackShare = Math.max(1, fallbackPerSecond);
        this.fallback = new LocalSendBudget(fallbackShare, new BroadcastPace(Math.min(fallbackShare, pace.perSecond()), pace.paid()));
    }

    @Override
    public Duration reserveBulkSlot() {
        try {
            Long waitMicros = redis().eval(RESERVE, ScriptOutputType.INTEGER, new String[]{bulkKey},
                    Long.toString(intervalMicros), Integer.toString(burst));
            return Duration.ofNanos(waitMicros * 1000);
        } catch (RuntimeException e) {
            log.warn("shared send budget unavailable, using this instance's share: {}", e.getMessage());
            return fallback.reserveBulkSlot();
        }
    }

    @Override
    public Duration reserveBroadcastSlot() {
        try {
            String[] keys = broadcastDrawsOnBulk ? new String[]{broadcastKey, bulkKey} : new String[]{broadcastKey};
            String[] args = broadcastDrawsOnBulk
                    ? new String[]{Long.toString(broadcastIntervalMicros), "1", Long.toString(intervalMicros), Integer.toString(burst)}
                    : new String[]{Long.toString(broadcastIntervalMicros), "1"};
            Long waitMicros = redis().eval(RESERVE, ScriptOutputType.INTEGER, keys, args);
            return Duration.ofNanos(waitMicros * 1000);
        } catch (RuntimeException e) {
            log.warn("shared send budget unavailable, broadcasting at this instance's share: {}", e.getMessage());
            return fallback.reserveBroadcastSlot();
        }
    }

    @Override
    public void pauseEveryone(Duration pause) {
        fallback.pauseEveryone(pause);
        try {
            redis().set(pauseKey, "429", io.lettuce.core.SetArgs.Builder.px(Math.max(1, pause.toMillis())));
        } catch (RuntimeException e) {
            log.warn("cannot share a 429 pause through Redis, pausing this instance only: {}", e.getMessage());
        }
    }

    @Override
    public Duration pauseRemaining() {
        try {
            long millis = redis().pttl(pauseKey);
            return millis > 0 ? Duration.ofMillis(millis) : fallback.pauseRemaining();
        } catch (RuntimeException e) {
            return fallback.pauseRemaining();
        }
    }

    /** Connects on first use, so a notifier starts (on its fallback share) while Redis is down. */
    private synchronized RedisCommands<String, String> redis() {
        if (connection == null) {
            if (System.nanoTime() - nextConnectAttempt < 0) {
                throw new IllegalStateException("Redis unreachable, next try in a few seconds");
            }
            nextConnectAttempt = System.nanoTime() + RECONNECT_EVERY_NANOS;
            connection = client.connect(); // Lettuce reconnects by itself from here on
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
}
