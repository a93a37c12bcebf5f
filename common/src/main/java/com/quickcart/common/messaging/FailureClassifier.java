package com.quickcart.common.messaging;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failure that waiting will cure (a database or broker that is briefly away, a remote
 * 5xx) from one that it will not. Names, not classes: common must not need JDBC, Spring's
 * transaction module or an HTTP client on the classpath to recognise their exceptions.
 */
public final class FailureClassifier {

    /** Exception types (and their subtypes) that describe an unavailable dependency, not a bad record. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            TransientFailure.class.getName(),
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.RecoverableDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException",
            "org.apache.kafka.common.errors.RetriableException",
            "java.util.concurrent.TimeoutException",
            "java.net.ConnectException",
            "java.net.SocketTimeoutException",
            "java.net.http.HttpTimeoutException");

    /**
     * SQLSTATE classes PostgreSQL uses for "try again": connection exceptions (08), insufficient
     * resources (53), operator intervention such as a restart (57P), serialization failure and
     * deadlock (40001, 40P01).
     */
    private static final Set<String> TRANSIENT_SQL_STATE_PREFIXES = Set.of("08", "53", "57P", "40001", "40P01");

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PermanentFailure) {
                return false;
            }
            if (isTransientType(cause.getClass()) || isTransientSqlState(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientSqlState(Throwable cause) {
        if (!(cause instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        return TRANSIENT_SQL_STATE_PREFIXES.stream().anyMatch(sql.getSQLState()::startsWith);
    }

    private FailureClassifier() {
    }
}
