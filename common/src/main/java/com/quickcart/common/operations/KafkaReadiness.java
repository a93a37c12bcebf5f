package com.quickcart.common.operations;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.concurrent.TimeUnit;

/** Ready only while the broker answers: a service that cannot reach Kafka should get no traffic. */
public class KafkaReadiness implements HealthIndicator {

    private final Admin admin;

    public KafkaReadiness(Admin admin) {
        this.admin = admin;
    }

    @Override
    public Health health() {
        try {
            String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).clusterId()
                    .get(3, TimeUnit.SECONDS);
            return Health.up().withDetail("clusterId", clusterId).build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
