package com.quickcart.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service in a JVM of its own, started from the test's classpath, so a test can do to it what
 * a crash does: {@link #kill()} is SIGKILL, with no shutdown hook, no flush, no goodbye to the
 * Kafka group. In-process Spring contexts cannot be killed that way; that is why this exists.
 *
 * <p>Settings go in as system properties (the keys are the documented environment variable names
 * or Spring property names, as in {@link TestEnvironment}); the child's output goes to a log file,
 * which a failing test can print.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Class<?> mainClass;
    private final Map<String, Object> properties;
    private final List<String> arguments;
    private final Path log;
    private Process process;
    private volatile boolean expectedDown;

    private ServiceProcess(String name, Class<?> mainClass, Map<String, Object> properties, List<String> arguments, Path log) {
        this.name = name;
        this.mainClass = mainClass;
        this.properties = Map.copyOf(properties);
        this.arguments = List.copyOf(arguments);
        this.log = log;
    }

    /** Starts {@code mainClass} in a new JVM; its output is appended to {@code log}. */
    public static ServiceProcess start(String name, Class<?> mainClass, Map<String, Object> properties, Path log) {
        return start(name, mainClass, properties, List.of(), log);
    }

    /** As {@link #start(String, Class, Map, Path)}, with program arguments (a Kafka broker's properties file, say). */
    public static ServiceProcess start(String name, Class<?> mainClass, Map<String, Object> properties, List<String> arguments,
                                       Path log) {
        ServiceProcess service = new ServiceProcess(name, mainClass, properties, arguments, log);
        // A test JVM that ends (or fails half way through starting its cluster) leaves no service behind.
        Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        service.launch();
        return service;
    }

    /** A TCP port nobody listens on right now, for a service that must be reachable at a known address. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:TieredStopAtLevel=1"); // a quicker start matters more than peak speed here
        // A JVM out of heap ends at once with a line a test can find, instead of limping on.
        command.add("-XX:+ExitOnOutOfMemoryError");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(arguments);
        expectedDown = false;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until {@code healthUrl} answers 200, failing early if the process dies first. */
    public ServiceProcess awaitHealthy(URI healthUrl, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was healthy; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(healthUrl).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not healthy at " + healthUrl + " within " + atMost + "; see " + log);
    }

    /** Waits for a one-off command (a goods import, say) to end by itself; returns its exit code. */
    public int awaitExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not end within " + atMost + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        expectedDown = true;
        return process.exitValue();
    }

    /** SIGKILL, as the kernel's OOM killer or a lost node would: nothing in the JVM runs afterwards. */
    public void kill() {
        expectedDown = true;
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: Spring's graceful shutdown runs. */
    public void stop() {
        expectedDown = true;
        process.destroy();
        waitForExit();
    }

    /** The same service with the same settings in a new JVM (the log goes on in the same file). */
    public ServiceProcess restart() {
        if (process.isAlive()) {
            kill();
        }
        launch();
        return this;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the JVM ended without being told to (a crash, an out-of-memory exit), rather than by {@link #kill()} or {@link #stop()}. */
    public boolean diedOnItsOwn() {
        return !expectedDown && !process.isAlive();
    }

    /** Whether the JVM ever ran out of heap: {@code -XX:+ExitOnOutOfMemoryError} leaves its line in the log. */
    public boolean ranOutOfMemory() {
        try {
            return Files.exists(log) && Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains("OutOfMemoryError");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String name() {
        return name;
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
