package com.quickcart.common.messaging;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureClassifierTest {

    @Test
    void aLostDatabaseConnectionIsTransientEvenWhenWrapped() {
        SQLException connectionLost = new SQLException("An I/O error occurred while sending to the backend.", "08006");

        assertThat(FailureClassifier.isTransient(new IllegalStateException("listener failed", connectionLost))).isTrue();
    }

    @Test
    void aDatabaseShuttingDownAndABrokerTimeoutAreTransient() {
        assertThat(FailureClassifier.isTransient(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(FailureClassifier.isTransient(new org.apache.kafka.common.errors.TimeoutException("no ack"))).isTrue();
        assertThat(FailureClassifier.isTransient(new TransientFailure("Bot API answered 502", null))).isTrue();
    }

    @Test
    void aConstraintViolationOrABugIsNotTransient() {
        assertThat(FailureClassifier.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(FailureClassifier.isTransient(new IllegalArgumentException("amount must be positive"))).isFalse();
    }

    @Test
    void aPermanentFailureStaysPermanentWhateverItWraps() {
        assertThat(FailureClassifier.isTransient(new PermanentFailure("refused", new ConnectException("refused")))).isFalse();
    }
}
