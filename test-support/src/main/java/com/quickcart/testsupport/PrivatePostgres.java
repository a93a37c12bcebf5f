package com.quickcart.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (Debian's binaries under {@code /usr/lib/postgresql/N/bin},
 * or {@code QC_PG_BIN}; {@code initdb} and {@code pg_ctl} on a data directory and port of its own),
 * so a test can crash and restart it without touching the shared server other tests use.
 * Trust authentication on loopback, as the shared server has. {@code fsync} is off: a crash of the
 * server process (not of the machine) loses nothing written, and the suite runs on a busy disk.
 * PostgreSQL refuses to run as root; as root the server runs as the {@code postgres} user.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port = ServiceProcess.freePort();
    private final boolean asPostgresUser = "root".equals(System.getProperty("user.name"));

    private PrivatePostgres(Path bin, Path data) {
        this.bin = bin;
        this.data = data;
    }

    /** initdb in a fresh directory under /tmp, then start; the server is stopped and its directory removed at JVM exit. */
    public static PrivatePostgres start() {
        Path bin = binaries();
        try {
            Path data = Files.createTempDirectory("qc-private-pg-");
            PrivatePostgres postgres = new PrivatePostgres(bin, data);
            postgres.initdb();
            postgres.startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this machine has the binaries; a suite that needs its own server says why it cannot run. */
    public static boolean available() {
        try {
            binaries();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** A new empty database on this server. */
    public String newDatabase(String name) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on the private server: " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** An immediate shutdown: every backend dies mid-transaction, and the next start replays the WAL, as after a crash or failover. */
    public void crash() {
        pgCtl("stop", "-m", "immediate", "-w");
    }

    public void restart() {
        startServer();
    }

    private void initdb() {
        if (asPostgresUser) {
            run(List.of("chown", "postgres:postgres", data.toString()));
        }
        run(asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.resolve("cluster").toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-sync")));
    }

    private void startServer() {
        pgCtl("start", "-w", "-t", "60", "-l", data.resolve("server.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data + " -c fsync=off -c full_page_writes=off"
                        + " -c max_connections=200 -c shared_buffers=64MB");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
                return;
            } catch (SQLException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("the private PostgreSQL did not accept connections; see " + data.resolve("server.log"));
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.resolve("cluster").toString()));
        command.addAll(List.of(arguments));
        run(asServerUser(command));
    }

    private List<String> asServerUser(List<String> command) {
        if (!asPostgresUser) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("commands.log").toFile())).start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + data.resolve("commands.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path binaries() {
        String configured = System.getenv("QC_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no pg_ctl under /usr/lib/postgresql/*/bin (set QC_PG_BIN)"));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL binaries under /usr/lib/postgresql (install postgresql, or set QC_PG_BIN)", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            pgCtl("stop", "-m", "immediate", "-w");
        } catch (RuntimeException alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover directory under /tmp harms nothing
        }
    }
}
