package com.quickcart.common.messaging.kafka;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service's broker identity comes from four variables, and a half-set identity stops it naming the variable. */
class KafkaClientSecurityTest {

    @Test
    void unsetMeansPlaintextWithoutCredentialsAsTheLocalRunUses() {
        KafkaClientSecurity security = KafkaClientSecurity.fromEnvironment(Map.<String, String>of()::get);

        assertThat(security.authenticates()).isFalse();
        assertThat(security.clientProperties()).containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
    }

    @Test
    void scramCredentialsBecomeTheClientsSaslSettingsWithThePasswordQuoted() {
        KafkaClientSecurity security = new KafkaClientSecurity("sasl_ssl", null, "order-service", "p\"a\\ss word");

        assertThat(security.clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"order-service\" password=\"p\\\"a\\\\ss word\";");
        assertThat(security.toString()).contains("order-service").doesNotContain("ss word");
    }

    @Test
    void aSaslProtocolWithoutCredentialsIsRefusedNamingTheVariables() {
        assertThatThrownBy(() -> new KafkaClientSecurity("SASL_SSL", "SCRAM-SHA-512", "order-service", " "))
                .hasMessageContaining("KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD");
    }

    @Test
    void credentialsThatPlaintextWouldIgnoreAreRefused() {
        assertThatThrownBy(() -> new KafkaClientSecurity("PLAINTEXT", null, "order-service", "secret"))
                .hasMessageContaining("KAFKA_SECURITY_PROTOCOL is PLAINTEXT, which would not use them");
    }

    @Test
    void anUnknownProtocolOrMechanismIsRefused() {
        assertThatThrownBy(() -> new KafkaClientSecurity("SASL", null, "u", "p")).hasMessageStartingWith("KAFKA_SECURITY_PROTOCOL must be one of");
        assertThatThrownBy(() -> new KafkaClientSecurity("SASL_SSL", "GSSAPI", "u", "p")).hasMessageStartingWith("KAFKA_SASL_MECHANISM must be one of");
    }

    @Test
    void theServicesBindItFromTheirEnvironmentVariables() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("quickcart.kafka.security-protocol", "SASL_PLAINTEXT")
                .withProperty("quickcart.kafka.sasl-username", "payment-service")
                .withProperty("quickcart.kafka.sasl-password", "secret");

        KafkaClientSecurity security = Binder.get(environment).bindOrCreate("quickcart.kafka", KafkaClientSecurity.class);

        assertThat(security.clientProperties()).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .hasEntrySatisfying("sasl.jaas.config", jaas -> assertThat(jaas).contains("username=\"payment-service\""));
        assertThatThrownBy(() -> Binder.get(new MockEnvironment().withProperty("quickcart.kafka.security-protocol", "SASL_SSL"))
                .bindOrCreate("quickcart.kafka", KafkaClientSecurity.class))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("KAFKA_SASL_USERNAME");
    }

    @Test
    void everyKafkaClientAServiceBuildsCarriesItsIdentity() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, KafkaMessagingAutoConfiguration.class))
                .withPropertyValues("spring.kafka.admin.auto-create=false",
                        "quickcart.kafka.security-protocol=SASL_SSL", "quickcart.kafka.sasl-username=delivery-service",
                        "quickcart.kafka.sasl-password=secret")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    for (Map<String, Object> client : java.util.List.of(
                            context.getBean(ProducerFactory.class).getConfigurationProperties(),
                            context.getBean(ConsumerFactory.class).getConfigurationProperties(),
                            context.getBean(KafkaAdmin.class).getConfigurationProperties())) {
                        assertThat(client).containsEntry("security.protocol", "SASL_SSL")
                                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                                .hasEntrySatisfying("sasl.jaas.config", jaas -> assertThat(jaas.toString())
                                        .contains("username=\"delivery-service\" password=\"secret\""));
                    }
                });
    }
}
