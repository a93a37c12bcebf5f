package com.quickcart.e2e.kafka;

import com.quickcart.common.messaging.kafka.KafkaClientSecurity;
import com.quickcart.testsupport.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * docker compose's broker, started the way compose starts it: {@code deploy/kafka/broker.sh} with
 * {@code broker.properties}, on loopback ports of its own and a fresh data directory. The image's
 * {@code /opt/kafka/bin} is stood in for by two scripts that run the same Kafka classes from the
 * test's classpath, so the broker's configuration, the admin's first SCRAM credential and the
 * authorizer are exactly compose's.
 */
final class ComposeBroker implements AutoCloseable {

    static final String ADMIN = "quickcart-admin";

    private final Process process;
    private final Path log;
    private final String bootstrap;
    private final String adminPassword;

    private ComposeBroker(Process process, Path log, String bootstrap, String adminPassword) {
        this.process = process;
        this.log = log;
        this.bootstrap = bootstrap;
        this.adminPassword = adminPassword;
    }

    static ComposeBroker start(String adminPassword) throws IOException {
        Path home = Files.createTempDirectory("qc-compose-kafka");
        Path bin = Files.createDirectories(home.resolve("bin"));
        wrapper(bin.resolve("kafka-storage.sh"), "kafka.tools.StorageTool", "-Xmx256m");
        wrapper(bin.resolve("kafka-server-start.sh"), "kafka.Kafka", "-Xmx512m");
        Path logback = home.resolve("logback.xml");
        Files.writeString(logback, """
                <configuration><appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d %-5level %logger{20} %msg%n</pattern></encoder></appender>
                <root level="WARN"><appender-ref ref="out"/></root></configuration>
                """);
        int port = ServiceProcess.freePort();
        int controllerPort = ServiceProcess.freePort();
        String bootstrap = "127.0.0.1:" + port;
        Path log = home.resolve("broker.log");
        ProcessBuilder builder = new ProcessBuilder("bash", KafkaAccessRules.ROOT.resolve("deploy/kafka/broker.sh").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "KAFKA_ADMIN_PASSWORD", adminPassword,
                "KAFKA_BIN", bin.toString(),
                "KAFKA_RUN_DIR", home.toString(),
                "KAFKA_EXTRA_PROPERTIES", String.join("\n",
                        "listeners=SASL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=SASL://" + bootstrap,
                        "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                        "log.dirs=" + home.resolve("data")),
                "QC_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "QC_CLASSPATH", System.getProperty("java.class.path"),
                "QC_LOGBACK", logback.toString()));
        ComposeBroker broker = new ComposeBroker(builder.start(), log, bootstrap, adminPassword);
        try {
            await("the broker to take the admin's login").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> {
                        if (!broker.process.isAlive()) {
                            throw new IllegalStateException("broker.sh exited: " + broker.log());
                        }
                        try (Admin admin = broker.adminAs(ADMIN, adminPassword)) {
                            return admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS) != null;
                        }
                    });
        } catch (RuntimeException e) {
            broker.close();
            throw new IllegalStateException("compose's broker did not start: " + broker.log(), e);
        }
        return broker;
    }

    String bootstrap() {
        return bootstrap;
    }

    /** Client settings of a user logging in as a service does (KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT, SCRAM-SHA-512). */
    Map<String, Object> clientAs(String user, String password) {
        Map<String, Object> config = new HashMap<>(new KafkaClientSecurity("SASL_PLAINTEXT", "SCRAM-SHA-512", user, password).clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return config;
    }

    Admin adminAs(String user, String password) {
        Map<String, Object> config = clientAs(user, password);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return Admin.create(config);
    }

    Admin admin() {
        return adminAs(ADMIN, adminPassword);
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void wrapper(Path script, String mainClass, String heap) {
        try {
            Files.writeString(script, "#!/usr/bin/env bash\nexec \"$QC_JAVA\" " + heap
                    + " -Dlogback.configurationFile=\"$QC_LOGBACK\" -cp \"$QC_CLASSPATH\" " + mainClass + " \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
