package com.quickcart.notifier.outbound;

import com.quickcart.common.messaging.RetryPolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.util.backoff.BackOffExecution;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each record key's Bot API work in order, on a virtual thread of its own, so a chat that
 * must wait (its one-message-a-second pace, a transient Telegram failure being retried) never
 * holds up another chat on the same partition. A lane is a Kafka key: a chat for commands on
 * telegram.outbound, an order for saga notices; Kafka orders nothing beyond a key anyway. The
 * listener hands a record over and returns at once.
 *
 * <p>A record's offset is acknowledged only when every earlier record of its partition is done
 * ({@link PartitionCommits}), so a crash redelivers whatever was still in a lane and the inbox
 * drops what was already sent. A failure follows common's {@link RetryPolicy}: transient ones are
 * retried in the lane for as long as they last, others go to the dead-letter topic after bounded
 * tries. When too much is in flight the listener container is paused (it keeps polling, so it is
 * never evicted from the group) until the lanes catch up.
 */
public class SendLanes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendLanes.class);

    private final RetryPolicy policy;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final KafkaListenerEndpointRegistry registry;
    private final int maxInFlight;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Map<TopicPartition, PartitionCommits> commits = new ConcurrentHashMap<>();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<String> pausedListeners = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public SendLanes(RetryPolicy policy, DeadLetterPublishingRecoverer deadLetters, KafkaListenerEndpointRegistry registry,
                     int maxInFlight, MeterRegistry meters) {
        this.policy = policy;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.maxInFlight = maxInFlight;
        Gauge.builder("quickcart.notifier.lanes.in_flight", inFlight, AtomicInteger::get)
                .description("Bot API commands handed to chat lanes and not yet done").register(meters);
    }

    /**
     * Queues {@code work} behind the earlier work of the record's key; {@code ack} commits the
     * record once it and every earlier record of its partition are done. A record with nothing to
     * do must still come through here (with a no-op), or its commit would overtake work in flight.
     */
    public void submit(String listenerId, ConsumerRecord<String, ?> record, Acknowledgment ack, Runnable work) {
        String key = record.key() == null ? "" : record.key();
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        PartitionCommits partitionCommits = commits.computeIfAbsent(partition, p -> new PartitionCommits());
        partitionCommits.started(record.offset());
        Task task = new Task(listenerId, key, record, ack, work, partitionCommits);
        if (inFlight.incrementAndGet() >= maxInFlight && pausedListeners.add(listenerId)) {
            log.info("chat lanes full ({} in flight), pausing listener {}", inFlight.get(), listenerId);
            container(listenerId).pause();
        }
        lanes.compute(key, (id, lane) -> {
            Lane current = lane == null ? new Lane() : lane;
            current.queue.add(task);
            if (!current.draining) {
                current.draining = true;
                Thread worker = Thread.ofVirtual().name("send-lane").unstarted(() -> drain(key, current));
                workers.add(worker);
                worker.start();
            }
            return current;
        });
    }

    /** Partitions taken away in a rebalance: their late finishes must not commit for the new owner. */
    public void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            PartitionCommits gone = commits.remove(partition);
            if (gone != null) {
                gone.detach();
            }
        }
    }

    private void drain(String key, Lane lane) {
        try {
            while (running) {
                Task task = next(key, lane);
                if (task == null) {
                    return;
                }
                if (runUntilSettled(task)) {
                    task.commits().finished(task.record().offset(), task.ack());
                    released(task.listenerId());
                }
            }
        } finally {
            workers.remove(Thread.currentThread());
        }
    }

    /** The lane's next task, or null after removing the empty lane (atomically with submit's compute). */
    private Task next(String key, Lane lane) {
        Task[] next = new Task[1];
        lanes.compute(key, (id, current) -> {
            next[0] = lane.queue.poll();
            if (next[0] == null) {
                lane.draining = false;
                return null;
            }
            return current;
        });
        return next[0];
    }

    /** Runs the work until it succeeds or is dead-lettered; false only when stopping (the record is redelivered later). */
    private boolean runUntilSettled(Task task) {
        BackOffExecution backOff = null;
        Class<?> lastFailure = null;
        try {
            while (running) {
                try {
                    task.work().run();
                    return true;
                } catch (RuntimeException e) {
                    if (backOff == null || e.getClass() != lastFailure) {
                        backOff = policy.backOffFor(e).start();
                        lastFailure = e.getClass();
                    }
                    long wait = backOff.nextBackOff();
                    if (wait == BackOffExecution.STOP) {
                        return deadLetter(task, e);
                    }
                    log.warn("chat lane retrying in {} ms topic={} offset={}: {}", wait, task.record().topic(),
                            task.record().offset(), e.getMessage());
                    Thread.sleep(Duration.ofMillis(wait));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Through common's recoverer, like any poison record; while Kafka cannot take it, the lane waits. */
    private boolean deadLetter(Task task, RuntimeException failure) throws InterruptedException {
        while (running) {
            try {
                deadLetters.accept(task.record(), failure);
                return true;
            } catch (RuntimeException e) {
                log.warn("cannot dead-letter topic={} offset={} yet: {}", task.record().topic(), task.record().offset(), e.getMessage());
                Thread.sleep(Duration.ofSeconds(1));
            }
        }
        return false;
    }

    private void released(String listenerId) {
        if (inFlight.decrementAndGet() <= maxInFlight / 2 && pausedListeners.remove(listenerId)) {
            log.info("chat lanes caught up, resuming listener {}", listenerId);
            container(listenerId).resume();
        }
    }

    private MessageListenerContainer container(String listenerId) {
        MessageListenerContainer container = registry.getListenerContainer(listenerId);
        if (container == null) {
            throw new IllegalStateException("no listener container " + listenerId);
        }
        return container;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        // Unfinished work is not acknowledged: the next owner of the partition redelivers it.
        running = false;
        workers.forEach(Thread::interrupt);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Below the listener containers' phase: started before them, stopped after them, so no
        // record arrives at stopped lanes.
        return Integer.MAX_VALUE - 200;
    }

    private static final class Lane {
        final Queue<Task> queue = new ArrayDeque<>();
        boolean draining;
    }

    private record Task(String listenerId, String key, ConsumerRecord<?, ?> record, Acknowledgment ack, Runnable work,
                        PartitionCommits commits) {
    }
}
