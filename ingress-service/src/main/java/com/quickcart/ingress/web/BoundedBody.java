package com.quickcart.ingress.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body but never more than the limit, so a huge body cannot exhaust memory. */
public final class BoundedBody {

    public static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        }
    }

    private static RejectedRequestException tooLarge(int maxBytes) {
        return new RejectedRequestException(HttpStatus.CONTENT_TOO_LARGE, "body larger than " + maxBytes + " bytes");
    }

    private BoundedBody() {
    }
}
