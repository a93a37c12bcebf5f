package com.quickcart.ingress.web;

import com.quickcart.ingress.publishing.AcknowledgedPublisher.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/** One place that turns ingress failures into the status a webhook sender understands. */
@RestControllerAdvice
public class IngressErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(IngressErrorResponses.class);

    @ExceptionHandler(RejectedRequestException.class)
    ResponseEntity<Map<String, String>> rejected(RejectedRequestException e) {
        log.info("webhook rejected status={} reason={}", e.status().value(), e.getMessage());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        if (e instanceof InFlightLimit.ShedException shed) {
            answer.header(HttpHeaders.RETRY_AFTER, Integer.toString(shed.retryAfterSeconds()));
        }
        if (e.status() == HttpStatus.REQUEST_TIMEOUT) {
            // The rest of a trickling body is not worth waiting for: close rather than swallow it.
            answer.header(HttpHeaders.CONNECTION, "close");
        }
        return answer.body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<Map<String, String>> kafkaUnavailable(PublishFailedException e) {
        // 503 makes Telegram and Pakasir deliver the same update again later.
        log.error("webhook not acknowledged by Kafka, asking the sender to retry: {}", e.getCause().toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "temporarily unavailable, retry"));
    }
}
