package com.quickcart.common.messaging;

/**
 * A failure that another delivery of the same record cannot fix (a malformed record, a
 * request the remote side rejected, retries already spent inside the handler). The error
 * handler sends the record straight to its dead-letter topic instead of retrying it.
 */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
