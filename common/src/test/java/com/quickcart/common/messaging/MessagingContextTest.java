package com.quickcart.common.messaging;

import com.quickcart.testsupport.TestEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every messaging test class: two contexts would be two members of the
 * same consumer group, splitting partitions between them.
 */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "spring.datasource.url=${DATABASE_URL}",
        "spring.datasource.username=${DATABASE_USER}",
        "spring.datasource.hikari.schema=messaging_test",
        "spring.liquibase.change-log=classpath:db/changelog/common/messaging.yaml",
        "spring.liquibase.default-schema=messaging_test",
        "quickcart.db.schema=messaging_test",
        "quickcart.messaging.max-attempts=3",
        "quickcart.messaging.transient-backoff-max=400ms",
        "quickcart.operations.lag-every=500ms"})
abstract class MessagingContextTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.infrastructure().forEach((key, value) -> registry.add(key, () -> value));
    }
}
