package com.quickcart.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database per test JVM on a real server: {@code QC_TEST_PG_HOST},
 * {@code QC_TEST_PG_PORT}, {@code QC_TEST_PG_USER} when set, else a container when
 * {@link TestInfrastructure} chose containers, else 127.0.0.1:5432 as postgres. Every run starts
 * from empty schemas and runs never see each other's rows.
 */
public final class TestDatabase {

    private static String url;
    private static String server;

    public static synchronized String jdbcUrl() {
        if (url == null) {
            url = freshJdbcUrl();
        }
        return url;
    }

    /**
     * Another empty database on the same server, dropped at JVM exit: a restore test's target, or
     * services that must not share schemas with the JVM's others (the saga interleaving tests).
     */
    public static String freshJdbcUrl() {
        String name = "qc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(serverUrl("postgres"), user(), "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed for the tests at " + serverUrl("postgres")
                    + " (start it, or run .ci/run which does): " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return serverUrl(name);
    }

    public static String user() {
        return env("QC_TEST_PG_USER", "postgres");
    }

    private static void drop(String name) {
        try (Connection admin = DriverManager.getConnection(serverUrl("postgres"), user(), "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // Best effort at JVM exit; a leftover test database harms nothing.
        }
    }

    private static String serverUrl(String database) {
        return "jdbc:postgresql://" + server() + "/" + database;
    }

    private static synchronized String server() {
        if (server == null) {
            boolean container = System.getenv("QC_TEST_PG_HOST") == null
                    && TestInfrastructure.source() == TestInfrastructure.Source.CONTAINERS;
            server = container ? Containers.postgresHostAndPort()
                    : env("QC_TEST_PG_HOST", "127.0.0.1") + ":" + env("QC_TEST_PG_PORT", "5432");
        }
        return server;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private TestDatabase() {
    }
}
