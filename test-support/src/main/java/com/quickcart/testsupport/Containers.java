package com.quickcart.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers path of {@link TestInfrastructure}, kept to this class so that a machine
 * without Docker never loads it: the images docker compose runs, one container each per test JVM,
 * started on first use and removed by Testcontainers when the JVM ends.
 */
final class Containers {

    private static KafkaContainer kafka;
    private static PostgreSQLContainer postgres;
    private static GenericContainer<?> redis;

    static boolean dockerAnswers() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static synchronized String kafkaBootstrap() {
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:4.1.2")
                    // As the in-process broker: topics come from the services, never from a typo.
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    /** host:port of a PostgreSQL 16 whose user {@code postgres} logs in without a password, as the local server's does. */
    static synchronized String postgresHostAndPort() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer("postgres:16").withUsername("postgres")
                    .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust");
            postgres.start();
        }
        return postgres.getHost() + ":" + postgres.getMappedPort(5432);
    }

    static synchronized String redisUrl() {
        if (redis == null) {
            redis = new GenericContainer<>("redis:7").withExposedPorts(6379)
                    .withCommand("redis-server", "--save", "", "--appendonly", "no");
            redis.start();
        }
        return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
    }

    private Containers() {
    }
}
