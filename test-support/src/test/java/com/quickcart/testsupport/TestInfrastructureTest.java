package com.quickcart.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static com.quickcart.testsupport.TestInfrastructure.Source.CONTAINERS;
import static com.quickcart.testsupport.TestInfrastructure.Source.LOCAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fixture's choice between containers and local services, with a fake Docker probe. The
 * container path itself needs a Docker engine, which neither CI nor these machines have: it is
 * not exercised here.
 */
class TestInfrastructureTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;

    @Test
    void aContributorWithDockerGetsContainersWithoutSettingAnything() {
        assertThat(TestInfrastructure.choose(Map.<String, String>of()::get, DOCKER)).isEqualTo(CONTAINERS);
        assertThat(TestInfrastructure.choose(Map.of("QC_TEST_INFRA", "auto")::get, DOCKER)).isEqualTo(CONTAINERS);
    }

    @Test
    void aMachineWithoutDockerKeepsTheLocalServices() {
        assertThat(TestInfrastructure.choose(Map.<String, String>of()::get, NO_DOCKER)).isEqualTo(LOCAL);
    }

    @Test
    void qcTestInfraOverridesTheGuess() {
        assertThat(TestInfrastructure.choose(Map.of("QC_TEST_INFRA", "local")::get, DOCKER)).isEqualTo(LOCAL);
        assertThat(TestInfrastructure.choose(Map.of("QC_TEST_INFRA", " Containers ")::get, DOCKER)).isEqualTo(CONTAINERS);
    }

    @Test
    void insistingOnContainersWithoutAnEngineFailsSayingSoInsteadOfFallingBack() {
        assertThatThrownBy(() -> TestInfrastructure.choose(Map.of("QC_TEST_INFRA", "containers")::get, NO_DOCKER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no Docker engine answers");
        assertThatThrownBy(() -> TestInfrastructure.choose(Map.of("QC_TEST_INFRA", "docker")::get, DOCKER))
                .hasMessageContaining("QC_TEST_INFRA must be local, containers or auto");
    }

    @Test
    void theProbeIsNotAskedWhenTheChoiceIsForcedLocal() {
        assertThat(TestInfrastructure.choose(Map.of("QC_TEST_INFRA", "local")::get, () -> {
            throw new AssertionError("probed Docker although told local");
        })).isEqualTo(LOCAL);
    }

    @Test
    void anEngineCountsAsConfiguredThroughDockerHostATestcontainersFileOrASocket(@TempDir Path home) throws Exception {
        Path noSocket = home.resolve("docker.sock");
        assertThat(TestInfrastructure.dockerConfigured(Map.<String, String>of()::get, home, noSocket))
                .as("nothing configured: Testcontainers is not even asked").isFalse();
        assertThat(TestInfrastructure.dockerConfigured(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375")::get, home, noSocket)).isTrue();
        Files.createFile(noSocket);
        assertThat(TestInfrastructure.dockerConfigured(Map.<String, String>of()::get, home, noSocket)).isTrue();
        Files.delete(noSocket);
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=unix:///run/user/1000/docker.sock\n");
        assertThat(TestInfrastructure.dockerConfigured(Map.<String, String>of()::get, home, noSocket)).isTrue();
    }
}
