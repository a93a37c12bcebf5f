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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Caps the webhook requests the ingress works on at once. Virtual threads make threads free, not
 * memory: each request may buffer up to its body limit, so past the cap a request is shed at once
 * with 503 and Retry-After, before its body is read. Telegram and Pakasir both deliver again
 * after a 503, so shedding loses nothing; running out of memory would lose everything in flight.
 */
public class InFlightLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(InFlightLimit.class);

    private final Semaphore permits;
    private final int retryAfterSeconds;
    private final Counter shed;

    public InFlightLimit(int maxInFlight, int retryAfterSeconds, MeterRegistry meters) {
        this.permits = new Semaphore(maxInFlight);
        this.retryAfterSeconds = retryAfterSeconds;
        this.shed = Counter.builder("quickcart.ingress.shed")
                .description("Webhook requests refused with 503 because too many were in flight").register(meters);
        Gauge.builder("quickcart.ingress.in_flight", permits, p -> maxInFlight - p.availablePermits())
                .description("Webhook requests being worked on").register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!permits.tryAcquire()) {
            shed.increment();
            log.warn("shedding webhook request path={}: too many in flight", request.getRequestURI());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"busy, retry later\"}");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
