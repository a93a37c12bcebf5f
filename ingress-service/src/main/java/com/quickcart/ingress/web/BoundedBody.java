package com.quickcart.ingress.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body but never more than the limit, so a huge body cannot exhaust memory; its
 * bytes count against the ingress's buffered-bytes budget as they arrive, a body that trickles in
 * past the body-read timeout is refused with 408, and a complete body takes an in-flight place
 * (see {@link InFlightLimit}).
 */
public final class BoundedBody {

    private static final int CHUNK = 8192;

    public static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        InFlightLimit.Admission admission = InFlightLimit.of(request);
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(0, (int) Math.min(request.getContentLengthLong(), CHUNK)));
        byte[] chunk = new byte[CHUNK];
        try (InputStream in = request.getInputStream()) {
            int read;
            while ((read = in.read(chunk, 0, Math.min(CHUNK, maxBytes + 1 - body.size()))) > 0) {
                if (admission != null) {
                    admission.buffer(read);
                }
                body.write(chunk, 0, read);
                if (body.size() > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                if (admission != null && admission.tooSlow()) {
                    throw new RejectedRequestException(HttpStatus.REQUEST_TIMEOUT,
                            "body not complete within " + admission.bodyReadTimeout().toMillis() + " ms");
                }
            }
        }
        if (admission != null) {
            admission.admit();
        }
        return body.toByteArray();
    }

    private static RejectedRequestException tooLarge(int maxBytes) {
        return new RejectedRequestException(HttpStatus.CONTENT_TOO_LARGE, "body larger than " + maxBytes + " bytes");
    }

    private BoundedBody() {
    }
}
