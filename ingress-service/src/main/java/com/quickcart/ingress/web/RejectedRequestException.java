package com.quickcart.ingress.web;

import org.springframework.http.HttpStatus;

/** A request refused before anything was published; the status tells the caller why. */
public class RejectedRequestException extends RuntimeException {

    private final HttpStatus status;

    public RejectedRequestException(HttpStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
