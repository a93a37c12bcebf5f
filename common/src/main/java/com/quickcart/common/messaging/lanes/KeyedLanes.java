package com.quickcart.common.messaging.lanes;

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
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each record key's work in order, on a virtual thread of its own, so a key that must wait
 * (a chat's one-message-a-second pace, a transient failure being retried, a database round trip)
 * never holds up another key on the same partition. A lane is a Kafka key: a chat for updates and
 * Bot API commands, an order for saga notices; Kafka orders nothing beyond a key anyway. The
 * listener hands a record over and returns at once. Listeners that use lanes take the container
 * factory {@link #LISTENER_FACTORY} (manual acknowledgement) and call {@link #forget} when
 * partitions are revoked.
 *
 * <p>{@code parallelism} caps how many lanes run their work at once (the rest wait their turn):
 * work that holds a database connection must not outnumber the pool. Zero means no cap, for work
 * that mostly waits on something else (the notifier's pacing and Telegram).
 *
 * <p>A record's offset is acknowledged only when every earlier record of its partition is done
 * ({@link PartitionCommits}), so a crash redelivers whatever was still in a lane and the inbox
 * drops what was already sent. A failure follows common's {@link RetryPolicy}: transient ones are
 * retried in the lane for as long as they last, others go to the dead-letter topic after bounded
 * tries. When too much is in flight the listener container is paused (it keeps polling, so it is
 * never evicted from the group) until the lanes catch up.
 */
public class KeyedLanes implements SmartLifecycle {

    /** The listener container factory for listeners that hand their records to lanes. */
    public static final String LISTENER_FACTORY = "keyedLanesListenerFactory";

    private static final Logger log = LoggerFactory.getLogger(KeyedLanes.class);

    private final RetryPolicy policy;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final KafkaListenerEndpointRegistry registry;
    private final int maxInFlight;
    private final Semaphore slots;
    private final String name;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Map<TopicPartition, PartitionCommits> commits = new ConcurrentHashMap<>();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<String> pausedListeners = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    /**
     * @param name        what the lanes carry, for logs and the {@code quickcart.lanes.in_flight} gauge
     * @param maxInFlight records handed over and not yet done before the listener is paused
     * @param parallelism lanes working at once, 0 for no cap
     */
    public KeyedLanes(String name, RetryPolicy policy, DeadLetterPublishingRecoverer deadLetters, KafkaListenerEndpointRegistry registry,
                      int maxInFlight, int parallelism, MeterRegistry meters) {
        if (maxInFlight < 2 || parallelism < 0) {
            throw new IllegalArgumentException(name + " lanes need max-in-flight >= 2 and parallelism >= 0");
        }
        this.name = name;
        this.policy = policy;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.maxInFlight = maxInFlight;
        this.slots = parallelism == 0 ? null : new Semaphore(parallelism);
        Gauge.builder("quickcart.lanes.in_flight", inFlight, AtomicInteger::get).tag("lanes", name)
                .description("Records handed to keyed lanes and not yet done").register(meters);
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
            log.info("{} lanes full ({} in flight), pausing listener {}", name, inFlight.get(), listenerId);
            container(listenerId).pause();
        }
        lanes.compute(key, (id, lane) -> {
            Lane current = lane == null ? new Lane() : lane;
            current.queue.add(task);
            if (!current.draining) {
                current.draining = true;
                Thread worker = Thread.ofVirtual().name(name + "-lane").unstarted(() -> drain(key, current));
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
            while (started) {
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
            while (started) {
                try {
                    runCapped(task.work());
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
                    log.warn("{} lane retrying in {} ms topic={} offset={}: {}", name, wait, task.record().topic(),
                            task.record().offset(), e.getMessage());
                    Thread.sleep(Duration.ofMillis(wait));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The work, once a slot under the parallelism cap is free; a retry's wait holds no slot. */
    private void runCapped(Runnable work) throws InterruptedException {
        if (slots == null) {
            work.run();
            return;
        }
        slots.acquire();
        try {
            work.run();
        } finally {
            slots.release();
        }
    }

    /** Through common's recoverer, like any poison record; while Kafka cannot take it, the lane waits. */
    private boolean deadLetter(Task task, RuntimeException failure) throws InterruptedException {
        while (started) {
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
            log.info("{} lanes caught up, resuming listener {}", name, listenerId);
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
        started = true;
    }

    @Override
    public void stop() {
        // Unfinished work is not acknowledged: the next owner of the partition redelivers it.
        started = false;
        workers.forEach(Thread::interrupt);
    }

    @Override
    public boolean isRunning() {
        return started;
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
