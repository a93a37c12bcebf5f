package com.quickcart.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker (KRaft, combined broker and controller, the Apache Kafka jars on the test
 * classpath) in a JVM of its own with its data in a directory that outlives the JVM, so a test can
 * restart it, or kill it, and have it come back with every topic, record and group offset:
 * what {@link KafkaBroker}'s in-process broker cannot do. Its port stays the same across restarts,
 * so clients reconnect by themselves, as they would to a restarted pod.
 */
public final class KafkaProcess implements AutoCloseable {

    private final int port = ServiceProcess.freePort();
    private final Path directory;
    private final ServiceProcess broker;

    private KafkaProcess(Path directory) {
        this.directory = directory;
        Path properties = directory.resolve("server.properties");
        int controllerPort = ServiceProcess.freePort();
        try {
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + directory.resolve("data"),
                    "auto.create.topics.enable=false",
                    "group.initial.rebalance.delay.ms=0",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=5",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        format(properties);
        broker = ServiceProcess.start("kafka", brokerMain(), Map.of(), List.of(properties.toString()),
                directory.resolve("kafka.log"));
        awaitReady(Duration.ofSeconds(90));
    }

    /** Formats a data directory (kept, for a failing run to be read) and starts the broker; it is stopped at JVM exit. */
    public static KafkaProcess start(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaProcess kafka = new KafkaProcess(directory);
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** A clean shutdown (SIGTERM, the broker hands off leadership and flushes), as in a rolling restart. */
    public void stop() {
        broker.stop();
    }

    /** SIGKILL: the broker's page-cache writes survive (the OS is still up), its shutdown does not run. */
    public void kill() {
        broker.kill();
    }

    /** Starts the broker again on its own data and waits until it answers. */
    public void start() {
        broker.restart();
        awaitReady(Duration.ofSeconds(90));
    }

    public boolean isAlive() {
        return broker.isAlive();
    }

    public ServiceProcess process() {
        return broker;
    }

    private void awaitReady(Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000))) {
            while (Instant.now().isBefore(deadline)) {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited while starting; see " + broker.log());
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    sleep();
                }
            }
        }
        throw new IllegalStateException("the Kafka broker did not answer within " + atMost + "; see " + broker.log());
    }

    private void format(Path properties) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "kafka.tools.StorageTool",
                "format", "-t", clusterId(), "-c", properties.toString(), "--ignore-formatted");
        try {
            Process format = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("format.log").toFile())).start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka's storage failed; see " + directory.resolve("format.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** KRaft's cluster id: 16 random bytes, base64url without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static Class<?> brokerMain() {
        try {
            return Class.forName("kafka.Kafka");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("kafka_2.13 (the broker) is not on the test classpath", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
