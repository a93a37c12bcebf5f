package com.quickcart.common.messaging;

/**
 * A failure that the same record will get past once the world recovers: a remote side answering
 * 5xx or timing out, a dependency briefly unreachable. The error handler retries the record with
 * capped backoff for as long as the failure lasts, pausing the listener instead of dead-lettering.
 * Raise it only when waiting can fix the cause; a record that can never succeed is a
 * {@link PermanentFailure}.
 */
public class TransientFailure extends RuntimeException {

    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
