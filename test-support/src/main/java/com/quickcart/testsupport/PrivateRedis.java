package com.quickcart.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the test's own on a port of its own, without persistence, so a test can
 * freeze it (SIGSTOP: connections stay open and nothing answers, the worst kind of outage for a
 * client) or stop it without touching the shared Redis other tests use.
 */
public final class PrivateRedis implements AutoCloseable {

    private final int port = ServiceProcess.freePort();
    private final Path log;
    private Process server;

    private PrivateRedis(Path log) {
        this.log = log;
    }

    /** Starts {@code redis-server} (on the PATH, or {@code QC_REDIS_SERVER}); it is stopped at JVM exit. */
    public static PrivateRedis start(Path log) {
        PrivateRedis redis = new PrivateRedis(log);
        redis.launch();
        Runtime.getRuntime().addShutdownHook(new Thread(redis::close));
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** SIGSTOP: the server holds every connection and answers nothing, as a hung or partitioned node does. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT: it answers again, with everything it held. */
    public void thaw() {
        signal("CONT");
    }

    private void launch() {
        String binary = System.getenv().getOrDefault("QC_REDIS_SERVER", "redis-server");
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            server = new ProcessBuilder(List.of(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary + " (install redis-server, or set QC_REDIS_SERVER)", e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (!server.isAlive()) {
                    break;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port + "; see " + log);
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(server.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + server.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null && server.isAlive()) {
            signal("CONT");
            server.destroyForcibly();
        }
    }
}
