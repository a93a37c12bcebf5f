package com.quickcart.ingress.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Bounds what the webhooks hold at once, in two places, so that memory never runs out and a
 * flood of slow uploads cannot keep well-formed webhooks out. While a body arrives, its bytes
 * count against a budget of buffered bytes, taken as they come: a sender that trickles holds
 * almost nothing, and must finish within the body-read timeout or is answered 408. Once the
 * body is in, the request takes one of the in-flight places until it is answered (it waits for
 * Kafka's acknowledgement with its body in memory). Past either bound a request is shed at once
 * with 503 and Retry-After: Telegram and Pakasir both deliver again after a 503, so shedding loses
 * nothing; running out of memory would lose everything in flight.
 */
public class InFlightLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(InFlightLimit.class);
    private static final String ADMISSION = InFlightLimit.class.getName() + ".admission";

    private final Semaphore places;
    private final Semaphore bufferedBytes;
    private final Duration bodyReadTimeout;
    private final int retryAfterSeconds;
    private final Counter shed;

    public InFlightLimit(int maxInFlight, int maxBufferedBytes, Duration bodyReadTimeout, int retryAfterSeconds, MeterRegistry meters) {
        this.places = new Semaphore(maxInFlight);
        this.bufferedBytes = new Semaphore(maxBufferedBytes);
        this.bodyReadTimeout = bodyReadTimeout;
        this.retryAfterSeconds = retryAfterSeconds;
        this.shed = Counter.builder("quickcart.ingress.shed")
                .description("Webhook requests refused with 503 because too many were in flight or too many bytes buffered").register(meters);
        Gauge.builder("quickcart.ingress.in_flight", places, p -> maxInFlight - p.availablePermits())
                .description("Webhook requests whose body is in, waiting for their answer").register(meters);
        Gauge.builder("quickcart.ingress.buffered_bytes", bufferedBytes, b -> maxBufferedBytes - b.availablePermits())
                .description("Bytes of webhook bodies held in memory").register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Admission admission = new Admission(request.getRequestURI());
        request.setAttribute(ADMISSION, admission);
        try {
            chain.doFilter(request, response);
        } finally {
            admission.release();
        }
    }

    /** The admission of the request being served, or one without bounds where no filter runs (a test of a controller alone). */
    static Admission of(HttpServletRequest request) {
        Object admission = request.getAttribute(ADMISSION);
        return admission instanceof Admission a ? a : null;
    }

    /** One request's share of the bounds: bytes as its body arrives, then an in-flight place; all given back when it is answered. */
    final class Admission {

        private final String path;
        private final long startedNanos = System.nanoTime();
        private int bytes;
        private boolean place;

        private Admission(String path) {
            this.path = path;
        }

        /** Takes {@code count} more bytes of the budget, or refuses the request (503). */
        void buffer(int count) {
            if (!bufferedBytes.tryAcquire(count)) {
                throw refuse("too many bytes buffered");
            }
            bytes += count;
        }

        /** Whether the body has taken longer to arrive than anyone fast enough to be Telegram or Pakasir would. */
        boolean tooSlow() {
            return System.nanoTime() - startedNanos > bodyReadTimeout.toNanos();
        }

        Duration bodyReadTimeout() {
            return bodyReadTimeout;
        }

        /** The body is in: takes an in-flight place until the answer, or refuses the request (503). */
        void admit() {
            if (!places.tryAcquire()) {
                throw refuse("too many in flight");
            }
            place = true;
        }

        private ShedException refuse(String why) {
            shed.increment();
            log.warn("shedding webhook request path={}: {}", path, why);
            return new ShedException(why, retryAfterSeconds);
        }

        private void release() {
            if (bytes > 0) {
                bufferedBytes.release(bytes);
                bytes = 0;
            }
            if (place) {
                places.release();
                place = false;
            }
        }
    }

    /** A request refused for lack of room; answered 503 with Retry-After. */
    public static final class ShedException extends RejectedRequestException {

        private final int retryAfterSeconds;

        ShedException(String reason, int retryAfterSeconds) {
            super(HttpStatus.SERVICE_UNAVAILABLE, reason);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
