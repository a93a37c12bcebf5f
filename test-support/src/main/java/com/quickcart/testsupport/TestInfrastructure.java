package com.quickcart.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Where a test JVM finds Kafka, PostgreSQL and Redis, decided once: with a Docker engine at hand,
 * containers of the images docker compose runs, started by Testcontainers (what contributors with
 * Docker expect of {@code mvn verify}); without one (CI, the development machines here), the
 * local services and the in-process broker (docs/adr/0005). {@code QC_TEST_INFRA=local|containers}
 * overrides the guess, and the per-service variables ({@code QC_TEST_KAFKA_BOOTSTRAP},
 * {@code QC_TEST_PG_HOST}, {@code QC_TEST_REDIS_URL}) still point one service elsewhere.
 */
public final class TestInfrastructure {

    /** Where the infrastructure comes from. */
    public enum Source { LOCAL, CONTAINERS }

    private static Source chosen;

    /** This JVM's choice, made at the first call and kept. */
    public static synchronized Source source() {
        if (chosen == null) {
            chosen = choose(System::getenv, TestInfrastructure::dockerReachable);
            System.err.println("[test-support] Kafka, PostgreSQL and Redis: " + (chosen == Source.CONTAINERS
                    ? "Testcontainers (a Docker engine answered; QC_TEST_INFRA=local to use local services)"
                    : "local services (no Docker engine; QC_TEST_INFRA=containers to insist)"));
        }
        return chosen;
    }

    /**
     * The decision alone, so it can be tested without Docker: an explicit {@code QC_TEST_INFRA}
     * wins (containers without an engine is an error that says so, not a silent fallback);
     * otherwise containers exactly when the probe finds an engine.
     */
    static Source choose(Function<String, String> environment, BooleanSupplier dockerReachable) {
        String forced = environment.apply("QC_TEST_INFRA");
        if (forced == null || forced.isBlank() || forced.strip().equalsIgnoreCase("auto")) {
            return dockerReachable.getAsBoolean() ? Source.CONTAINERS : Source.LOCAL;
        }
        return switch (forced.strip().toLowerCase(Locale.ROOT)) {
            case "local" -> Source.LOCAL;
            case "containers" -> {
                if (!dockerReachable.getAsBoolean()) {
                    throw new IllegalStateException("QC_TEST_INFRA=containers, but no Docker engine answers"
                            + " (DOCKER_HOST, /var/run/docker.sock); start Docker or unset QC_TEST_INFRA");
                }
                yield Source.CONTAINERS;
            }
            default -> throw new IllegalArgumentException("QC_TEST_INFRA must be local, containers or auto, was " + forced);
        };
    }

    /**
     * Testcontainers' own check, asked only when an engine is configured at all: on a machine with
     * no socket and no DOCKER_HOST it would search every strategy and log each failure.
     */
    static boolean dockerReachable() {
        return dockerConfigured(System::getenv, Path.of(System.getProperty("user.home")), Path.of("/var/run/docker.sock"))
                && Containers.dockerAnswers();
    }

    /** A Docker engine is configured: DOCKER_HOST, a Testcontainers properties file, or a socket where engines put it. */
    static boolean dockerConfigured(Function<String, String> environment, Path home, Path systemSocket) {
        String host = environment.apply("DOCKER_HOST");
        return (host != null && !host.isBlank())
                || Files.exists(home.resolve(".testcontainers.properties"))
                || Files.exists(systemSocket)
                || Files.exists(home.resolve(".docker/run/docker.sock"))
                || Files.exists(home.resolve(".rd/docker.sock"))
                || Files.exists(home.resolve(".colima/default/docker.sock"));
    }

    private TestInfrastructure() {
    }
}
