package com.quickcart.ingress.pakasir;

import com.quickcart.common.events.Topics;
import com.quickcart.ingress.config.IngressProperties;
import com.quickcart.ingress.publishing.AcknowledgedPublisher;
import com.quickcart.ingress.web.BoundedBody;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

@RestController
public class PakasirWebhookController {

    private final IngressProperties properties;
    private final PakasirCallbackParser parser;
    private final AcknowledgedPublisher publisher;

    public PakasirWebhookController(IngressProperties properties, PakasirCallbackParser parser, AcknowledgedPublisher publisher) {
        this.properties = properties;
        this.parser = parser;
        this.publisher = publisher;
    }

    @PostMapping("/pakasir/webhook")
    ResponseEntity<Void> receive(HttpServletRequest request) throws IOException {
        publisher.publish(Topics.PAKASIR_CALLBACKS, parser.toEnvelope(BoundedBody.read(request, properties.pakasirMaxBodyBytes())));
        return ResponseEntity.ok().build();
    }
}
