package com.quickcart.common.messaging.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How a service (or an operator tool) proves who it is to the broker: {@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_USERNAME}, {@code KAFKA_SASL_PASSWORD}. Each
 * service has its own user, and the broker's ACLs let it write only the topics it owns
 * (docs/adr/0025). Checked when built: a SASL protocol without credentials, or credentials that
 * a plain protocol would silently ignore, stop the service naming the variable.
 */
public record KafkaClientSecurity(String securityProtocol, String saslMechanism, String saslUsername, String saslPassword) {

    public static final String PLAINTEXT = "PLAINTEXT";
    private static final Set<String> PROTOCOLS = Set.of(PLAINTEXT, "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN");

    public KafkaClientSecurity {
        securityProtocol = blankToNull(securityProtocol) == null ? PLAINTEXT : securityProtocol.strip().toUpperCase(Locale.ROOT);
        saslMechanism = blankToNull(saslMechanism) == null ? "SCRAM-SHA-512" : saslMechanism.strip().toUpperCase(Locale.ROOT);
        saslUsername = blankToNull(saslUsername);
        // Kept as given: spaces may be part of a password.
        saslPassword = saslPassword == null || saslPassword.isBlank() ? null : saslPassword;
        if (!PROTOCOLS.contains(securityProtocol)) {
            throw new IllegalArgumentException("KAFKA_SECURITY_PROTOCOL must be one of " + String.join(", ", PROTOCOLS.stream().sorted().toList())
                    + ", was " + securityProtocol);
        }
        if (usesSasl(securityProtocol)) {
            if (!MECHANISMS.contains(saslMechanism)) {
                throw new IllegalArgumentException("KAFKA_SASL_MECHANISM must be one of " + String.join(", ", MECHANISMS.stream().sorted().toList())
                        + ", was " + saslMechanism);
            }
            if (saslUsername == null || saslPassword == null) {
                throw new IllegalArgumentException("KAFKA_SECURITY_PROTOCOL is " + securityProtocol
                        + ": set KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD to this service's own Kafka user");
            }
        } else if (saslUsername != null || saslPassword != null) {
            // Credentials a plain protocol ignores mean the operator believes the service authenticates: say it does not.
            throw new IllegalArgumentException("KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD are set but KAFKA_SECURITY_PROTOCOL is "
                    + securityProtocol + ", which would not use them; set it to SASL_SSL (or SASL_PLAINTEXT on a private network)");
        }
    }

    /** From the process environment, for the operator tools that run without Spring. */
    public static KafkaClientSecurity fromEnvironment(Function<String, String> environment) {
        return new KafkaClientSecurity(environment.apply("KAFKA_SECURITY_PROTOCOL"), environment.apply("KAFKA_SASL_MECHANISM"),
                environment.apply("KAFKA_SASL_USERNAME"), environment.apply("KAFKA_SASL_PASSWORD"));
    }

    public boolean authenticates() {
        return usesSasl(securityProtocol);
    }

    /** The Kafka client settings (common to producers, consumers and admin clients) that carry this identity. */
    public Map<String, String> clientProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        if (authenticates()) {
            properties.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
            properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
        }
        return properties;
    }

    private String jaasConfig() {
        String module = saslMechanism.startsWith("SCRAM")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        return module + " required username=\"" + quoted(saslUsername) + "\" password=\"" + quoted(saslPassword) + "\";";
    }

    /** Inside a JAAS option's double quotes a backslash escapes; a password may hold either character. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static boolean usesSasl(String protocol) {
        return protocol.startsWith("SASL_");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Never the password, whatever prints this record. */
    @Override
    public String toString() {
        return "KafkaClientSecurity[" + securityProtocol + (authenticates() ? ", " + saslMechanism + ", user " + saslUsername : "") + "]";
    }
}
