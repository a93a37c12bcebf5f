package com.quickcart.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker per test JVM: a container when {@link TestInfrastructure} chose containers,
 * else in-process (KRaft, the Apache Kafka server jars). Set {@code QC_TEST_KAFKA_BOOTSTRAP} to run
 * the suite against a broker started elsewhere, for example by {@code deploy/local/kafka.sh}.
 */
public final class KafkaBroker {

    private static String bootstrap;

    public static synchronized String bootstrapServers() {
        if (bootstrap == null) {
            String external = System.getenv("QC_TEST_KAFKA_BOOTSTRAP");
            if (external != null && !external.isBlank()) {
                bootstrap = external;
            } else if (TestInfrastructure.source() == TestInfrastructure.Source.CONTAINERS) {
                bootstrap = Containers.kafkaBootstrap();
            } else {
                EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
                broker.brokerProperties(java.util.Map.of(
                        "auto.create.topics.enable", "false",
                        "group.initial.rebalance.delay.ms", "0"));
                broker.afterPropertiesSet();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
                bootstrap = broker.getBrokersAsString();
                // The broker publishes itself as a system property, which would silently beat each
                // test's own settings (a test of "Kafka unreachable" would reach it). Tests pass it explicitly.
                System.clearProperty("spring.kafka.bootstrap-servers");
            }
        }
        return bootstrap;
    }

    private KafkaBroker() {
    }
}
