package com.quickcart.common.persistence;

import com.quickcart.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The least-privilege setup of docs/GOING-LIVE.md: a service user that owns its schema and may create nothing else. */
class SchemaBootstrapTest {

    @Test
    void aServiceUserWithoutCreateOnTheDatabaseStartsOnTheSchemaMadeForIt() {
        String url = TestDatabase.freshJdbcUrl();
        JdbcClient admin = JdbcClient.create(new DriverManagerDataSource(url, TestDatabase.user(), ""));
        String role = "qc_svc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String database = url.substring(url.lastIndexOf('/') + 1);
        admin.sql("CREATE ROLE " + role + " LOGIN").update();
        admin.sql("REVOKE CREATE ON DATABASE " + database + " FROM PUBLIC").update();
        admin.sql("CREATE SCHEMA order_svc AUTHORIZATION " + role).update();
        DriverManagerDataSource service = new DriverManagerDataSource(url, role, "");
        try {
            SchemaBootstrap.createSchema(service, "order_svc");

            assertThatThrownBy(() -> SchemaBootstrap.createSchema(service, "payment_svc"))
                    .as("it may not make another service's schema").hasMessageContaining("cannot create schema payment_svc");
            assertThat(admin.sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'payment_svc'").query(Long.class).single()).isZero();
        } finally {
            admin.sql("DROP SCHEMA order_svc CASCADE").update();
            admin.sql("DROP ROLE " + role).update();
        }
    }
}
