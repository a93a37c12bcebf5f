package com.quickcart.bench.load;

import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * {@code concurrency} callers, each sending its next request as soon as the last one was
 * answered, for a fixed time: the most the server accepts. A short warm-up is run first and
 * not counted (JIT, connection pools).
 */
public final class ClosedLoop {

    public record Outcome(long ok, long failed, Duration elapsed, org.HdrHistogram.Histogram responseMicros) {
        public double perSecond() {
            return ok / (elapsed.toNanos() / 1e9);
        }
    }

    public static Outcome run(Duration warmUp, Duration measured, int concurrency, BooleanSupplier request) throws InterruptedException {
        drive(warmUp, concurrency, request, new Recorder(3), new AtomicLong(), new AtomicLong());
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Duration elapsed = drive(measured, concurrency, request, recorder, ok, failed);
        return new Outcome(ok.get(), failed.get(), elapsed, recorder.getIntervalHistogram());
    }

    private static Duration drive(Duration duration, int concurrency, BooleanSupplier request, Recorder recorder,
                                  AtomicLong ok, AtomicLong failed) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            callers.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    boolean accepted = request.getAsBoolean();
                    recorder.recordValue((System.nanoTime() - sent) / 1_000);
                    (accepted ? ok : failed).incrementAndGet();
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private ClosedLoop() {
    }
}
