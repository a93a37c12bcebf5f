package com.quickcart.ingress.publishing;

import com.quickcart.common.events.EventEnvelope;
import com.quickcart.ingress.config.IngressProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ingress owns no table, so it cannot use an outbox: instead it answers its caller only
 * after every in-sync replica has the record (acks=all, idempotent producer). If Kafka does
 * not confirm in time the caller gets a 5xx and retries; nothing is lost.
 */
@Component
public class AcknowledgedPublisher {

    private final KafkaTemplate<String, EventEnvelope> kafka;
    private final long timeoutMillis;

    public AcknowledgedPublisher(KafkaTemplate<String, EventEnvelope> kafka, IngressProperties properties) {
        this.kafka = kafka;
        this.timeoutMillis = properties.publishTimeout().toMillis();
    }

    public void publish(String topic, EventEnvelope envelope) {
        try {
            kafka.send(topic, envelope.key(), envelope).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(topic, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new PublishFailedException(topic, e);
        }
    }

    public static final class PublishFailedException extends RuntimeException {
        PublishFailedException(String topic, Throwable cause) {
            super("Kafka did not acknowledge a record for " + topic, cause);
        }
    }
}
