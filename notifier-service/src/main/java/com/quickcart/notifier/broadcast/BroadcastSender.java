package com.quickcart.notifier.broadcast;

import com.quickcart.common.events.Topics;
import com.quickcart.common.events.notifier.ChatUnreachable;
import com.quickcart.common.events.order.BroadcastContent;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.common.messaging.PermanentFailure;
import com.quickcart.common.messaging.outbox.Outbox;
import com.quickcart.notifier.broadcast.Broadcasts.Broadcast;
import com.quickcart.notifier.broadcast.Broadcasts.Claimed;
import com.quickcart.notifier.config.BroadcastProperties;
import com.quickcart.notifier.outbound.BotApiSender;
import com.quickcart.notifier.outbound.BotApiSender.CallWithdrawn;
import com.quickcart.notifier.outbound.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends broadcasts, sharing the work with every other notifier instance through the recipients
 * table: it claims a small batch (a lease, renewed while it works), sends each at the broadcast
 * pace with at most {@code inFlight} calls under way, and records each outcome after its call.
 * It never touches the chat lanes: a live reply never waits behind a broadcast.
 *
 * <p>A 403 marks the recipient BLOCKED and tells order-service (ChatUnreachable) in the same
 * transaction; a failure Telegram may get over is tried again later, with a growing delay, up to
 * {@code maxAttempts} rounds, then counted FAILED; a refusal is FAILED at once. Nothing is dropped
 * without being counted in the operator's report.
 */
public class BroadcastSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BroadcastSender.class);

    private final Broadcasts broadcasts;
    private final BotApiSender sender;
    private final Outbox outbox;
    private final EventCodec codec;
    private final TransactionTemplate tx;
    private final BroadcastProperties properties;
    private final BroadcastProgress progress;
    /** This instance's name on the rows it claims. */
    private final UUID owner = UUID.randomUUID();
    private final Semaphore slots;
    private final Map<Long, BroadcastContent> contents = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread loop;
    private Thread upkeep;

    public BroadcastSender(Broadcasts broadcasts, BotApiSender sender, Outbox outbox, EventCodec codec, TransactionTemplate tx,
                           BroadcastProperties properties, BroadcastProgress progress) {
        this.broadcasts = broadcasts;
        this.sender = sender;
        this.outbox = outbox;
        this.codec = codec;
        this.tx = tx;
        this.properties = properties;
        this.progress = progress;
        this.slots = new Semaphore(properties.inFlight());
    }

    private void claimAndSend() {
        Deque<Claimed> claimed = new ArrayDeque<>();
        try {
            while (running) {
                try {
                    if (claimed.size() < Math.max(1, properties.batchSize() / 2)) {
                        claimed.addAll(broadcasts.claim(owner, properties.batchSize() - claimed.size(), properties.lease()));
                    }
                    Claimed next = claimed.poll();
                    if (next == null) {
                        Thread.sleep(properties.idlePoll());
                        continue;
                    }
                    slots.acquire();
                    Thread.ofVirtual().name("broadcast-send").start(() -> {
                        try {
                            sendOne(next);
                        } finally {
                            slots.release();
                        }
                    });
                } catch (RuntimeException e) {
                    log.warn("broadcast sender cannot claim recipients, trying again: {}", e.getMessage());
                    Thread.sleep(properties.idlePoll());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            claimed.forEach(row -> releaseQuietly(row));
        }
    }

    private void sendOne(Claimed row) {
        try (var ignored = MDC.putCloseable("chat_id", Long.toString(row.chatId()));
             var alsoIgnored = MDC.putCloseable("broadcast_id", Long.toString(row.broadcastId()))) {
            Optional<BroadcastContent> content = runningContent(row.broadcastId());
            if (content.isEmpty()) {
                broadcasts.release(row.id(), owner);
                return;
            }
            try {
                SendOutcome outcome = sender.sendBroadcast(row.chatId(), BroadcastMessage.method(content.get()), () -> {
                    if (!broadcasts.markSending(row.id(), owner)) {
                        throw new CallWithdrawn("broadcast " + row.broadcastId() + " paused, cancelled or taken over");
                    }
                }, () -> BroadcastMessage.to(row.chatId(), content.get(), properties.allowPaidBroadcast()));
                settle(row, outcome);
            } catch (CallWithdrawn e) {
                broadcasts.release(row.id(), owner);
            } catch (PermanentFailure e) {
                log.warn("broadcast message refused: {}", e.getMessage());
                broadcasts.settle(row.id(), owner, "FAILED", e.getMessage());
            } catch (RuntimeException e) {
                retryOrGiveUp(row, e);
            }
        } catch (RuntimeException e) {
            // The database was away: the lease runs out and the row is claimed again.
            log.warn("broadcast recipient left to its lease: {}", e.getMessage());
        }
    }

    private void settle(Claimed row, SendOutcome outcome) {
        switch (outcome.status()) {
            case SENT -> broadcasts.settle(row.id(), owner, "SENT", null);
            case UNREACHABLE -> tx.executeWithoutResult(status -> {
                if (broadcasts.settle(row.id(), owner, "BLOCKED", outcome.error())) {
                    outbox.append(Topics.BROADCAST_EVENTS, codec.wrap(Long.toString(row.chatId()), new ChatUnreachable(row.chatId())));
                }
            });
            default -> broadcasts.settle(row.id(), owner, "FAILED", outcome.status() + ": " + outcome.error());
        }
    }

    private void retryOrGiveUp(Claimed row, RuntimeException failure) {
        int rounds = row.attempts() + 1;
        if (rounds >= properties.maxAttempts()) {
            log.warn("broadcast message failed after {} rounds: {}", rounds, failure.getMessage());
            broadcasts.settle(row.id(), owner, "FAILED", failure.getMessage());
            return;
        }
        Duration backoff = properties.retryBackoff().multipliedBy(1L << Math.min(rounds - 1, 6));
        log.info("broadcast message to be tried again in {}: {}", backoff, failure.getMessage());
        broadcasts.retryLater(row.id(), owner, backoff, failure.getMessage());
    }

    /** The broadcast's content while it is running; empty when paused, cancelled or gone. */
    private Optional<BroadcastContent> runningContent(long broadcastId) {
        Optional<Broadcast> broadcast = broadcasts.find(broadcastId);
        if (broadcast.isEmpty() || !"RUNNING".equals(broadcast.get().state())) {
            return Optional.empty();
        }
        return Optional.of(contents.computeIfAbsent(broadcastId, id -> broadcast.get().content()));
    }

    /** Renews this instance's leases and reports progress, until stopped. */
    private void upkeep() {
        long renewEvery = Math.max(500, properties.lease().toMillis() / 3);
        long reportEvery = Math.max(200, properties.progressEvery().toMillis() / 2);
        long lastRenewal = 0;
        try {
            while (running) {
                try {
                    if (System.currentTimeMillis() - lastRenewal >= renewEvery) {
                        broadcasts.renewLeases(owner, properties.lease());
                        lastRenewal = System.currentTimeMillis();
                    }
                    progress.report();
                } catch (RuntimeException e) {
                    log.warn("broadcast upkeep failed, trying again: {}", e.getMessage());
                }
                Thread.sleep(reportEvery);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void releaseQuietly(Claimed row) {
        try {
            broadcasts.release(row.id(), owner);
        } catch (RuntimeException e) {
            log.debug("claim left to its lease: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        running = true;
        loop = Thread.ofPlatform().name("broadcast-sender").daemon().start(this::claimAndSend);
        upkeep = Thread.ofPlatform().name("broadcast-upkeep").daemon().start(this::upkeep);
    }

    @Override
    public void stop() {
        running = false;
        loop.interrupt();
        upkeep.interrupt();
        try {
            // Let the sends under way finish and record their outcome: a row left SENDING would be sent again.
            if (slots.tryAcquire(properties.inFlight(), 15, TimeUnit.SECONDS)) {
                slots.release(properties.inFlight());
            }
            loop.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 300;
    }
}
