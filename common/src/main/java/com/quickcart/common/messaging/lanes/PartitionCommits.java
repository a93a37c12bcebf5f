package com.quickcart.common.messaging.lanes;

import org.springframework.kafka.support.Acknowledgment;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which offsets of one partition are still in a lane, and which are done. Kafka keeps one
 * committed offset per partition, so a done record is acknowledged only once nothing before it
 * is still in flight; offsets never handed over (dead-lettered by the error handler, transaction
 * markers) are simply not waited for.
 */
final class PartitionCommits {

    private final TreeMap<Long, Boolean> inFlight = new TreeMap<>();
    private final TreeMap<Long, Acknowledgment> done = new TreeMap<>();
    private boolean detached;

    synchronized void started(long offset) {
        inFlight.put(offset, Boolean.TRUE);
    }

    /**
     * Marks {@code offset} done and acknowledges the furthest done offset with nothing in flight
     * before it. Inside the lock, so acknowledgements reach the container in offset order.
     */
    synchronized void finished(long offset, Acknowledgment ack) {
        inFlight.remove(offset);
        done.put(offset, ack);
        long firstUnfinished = inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.firstKey();
        Map.Entry<Long, Acknowledgment> committable = done.lowerEntry(firstUnfinished);
        if (committable == null) {
            return;
        }
        done.headMap(committable.getKey(), true).clear();
        if (!detached) {
            committable.getValue().acknowledge();
        }
    }

    /** The partition went to another consumer: what finishes late is no longer ours to commit. */
    synchronized void detach() {
        detached = true;
    }
}
