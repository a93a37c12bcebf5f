package com.quickcart.common.persistence;

import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Each service owns one PostgreSQL schema. Liquibase keeps its own tables inside that schema,
 * so the schema must exist before Liquibase starts: this creates it just in time, or, in
 * production, finds the one the database administrator made for the service's own user.
 */
public class SchemaBootstrap implements BeanPostProcessor {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof SpringLiquibase liquibase && liquibase.getDefaultSchema() != null) {
            createSchema(liquibase.getDataSource(), liquibase.getDefaultSchema());
        }
        return bean;
    }

    static void createSchema(DataSource dataSource, String schema) {
        if (!SAFE_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema name must match " + SAFE_NAME + ": " + schema);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // Look before creating: PostgreSQL checks the CREATE privilege on the database even for
            // IF NOT EXISTS, and a least-privilege service user owns its schema without holding it.
            try (ResultSet existing = statement.executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = '" + schema + "'")) {
                if (existing.next()) {
                    return;
                }
            }
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            // Two instances starting together may race on the catalogue; the loser finds the schema there.
            if (!"42P06".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
            }
        }
    }
}
