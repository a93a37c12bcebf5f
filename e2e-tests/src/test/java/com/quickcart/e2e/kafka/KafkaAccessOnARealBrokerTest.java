package com.quickcart.e2e.kafka;

import com.quickcart.delivery.DeliveryServiceApplication;
import com.quickcart.ingress.IngressApplication;
import com.quickcart.testsupport.GoodsTransitKeys;
import com.quickcart.testsupport.TelegramUpdates;
import com.quickcart.testsupport.TestDatabase;
import com.quickcart.testsupport.TestEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * docker compose's broker (deploy/kafka/broker.sh) with the users and ACLs of deploy/kafka/access.conf,
 * applied through Kafka's admin API as setup.sh applies them with Kafka's tools: each service's own
 * credentials let it publish to the topics it owns and consume with its own group, and the broker
 * refuses it everything else; and two real services (the ingress publishing, delivery consuming)
 * start and work with exactly those rights. Anyone who reached the old open broker could publish
 * {@code OrderPaid}.
 */
class KafkaAccessOnARealBrokerTest {

    private static final KafkaAccessRules RULES = KafkaAccessRules.read();
    private static final Map<String, String> PASSWORDS = new HashMap<>();
    private static ComposeBroker broker;

    @BeforeAll
    static void composeBrokerWithTheUsersAndAclsOfAccessConf() throws Exception {
        broker = ComposeBroker.start(randomPassword());
        try (Admin admin = broker.admin()) {
            admin.createTopics(RULES.topics().stream().map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
            for (String principal : RULES.principals()) {
                PASSWORDS.put(principal, randomPassword());
            }
            admin.alterUserScramCredentials(PASSWORDS.entrySet().stream().<org.apache.kafka.clients.admin.UserScramCredentialAlteration>map(p ->
                    new UserScramCredentialUpsertion(p.getKey(), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), p.getValue()))
                    .toList()).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(RULES.rules().stream().map(KafkaAccessOnARealBrokerTest::binding).toList()).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void orderServicePublishesOrderEventsButCannotForgeAPaymentEvent() {
        try (KafkaProducer<String, String> order = producerAs("order-service")) {
            // The first send also waits for the new user and its ACLs to reach the broker's metadata.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> order.send(new ProducerRecord<>("order.events", "QC-1", "OrderPaid")).get(10, TimeUnit.SECONDS) != null);

            assertThatThrownBy(() -> order.send(new ProducerRecord<>("payment.events", "QC-1", "PaymentSucceeded")).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theIngressPublishesUpdatesAndCallbacksButNothingDownstream() {
        try (KafkaProducer<String, String> ingress = producerAs("ingress-service")) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> ingress.send(new ProducerRecord<>("pakasir.callbacks", "QC-2", "{}")).get(10, TimeUnit.SECONDS) != null);

            assertThatThrownBy(() -> ingress.send(new ProducerRecord<>("order.events", "QC-2", "OrderPaid")).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceDeadLettersWhatItReadsButNotWhatOthersRead() {
        try (KafkaProducer<String, String> payment = producerAs("payment-service")) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> payment.send(new ProducerRecord<>("pakasir.callbacks.dlt", "QC-3", "{}")).get(10, TimeUnit.SECONDS) != null);

            assertThatThrownBy(() -> payment.send(new ProducerRecord<>("order.events.dlt", "QC-3", "{}")).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void paymentServiceReadsItsCommandsInItsOwnGroupOnly() {
        try (KafkaProducer<String, String> order = producerAs("order-service")) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> order.send(new ProducerRecord<>("payment.commands", "QC-4", "PaymentRequested")).get(10, TimeUnit.SECONDS) != null);
        }
        try (KafkaConsumer<String, String> payment = consumerAs("payment-service", "payment-service")) {
            payment.subscribe(List.of("payment.commands"));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                for (var record : payment.poll(Duration.ofMillis(500))) {
                    if (record.key().equals("QC-4")) {
                        return true;
                    }
                }
                return false;
            });
        }
        try (KafkaConsumer<String, String> borrowedGroup = consumerAs("payment-service", "order-service")) {
            borrowedGroup.subscribe(List.of("payment.commands"));
            assertThatThrownBy(() -> borrowedGroup.poll(Duration.ofSeconds(10))).isInstanceOf(GroupAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> notifier = consumerAs("notifier-service", "notifier-service")) {
            notifier.subscribe(List.of("payment.commands"));
            assertThatThrownBy(() -> notifier.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceChecksEveryTopicAtStartButMayCreateNone() throws Exception {
        try (Admin delivery = broker.adminAs("delivery-service", PASSWORDS.get("delivery-service"))) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                    delivery.describeTopics(RULES.topics()).allTopicNames().get(10, TimeUnit.SECONDS).keySet().equals(RULES.topics()));

            assertThatThrownBy(() -> delivery.createTopics(List.of(new NewTopic("delivery.shadow", 1, (short) 1))).all().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAtLogin() {
        try (KafkaProducer<String, String> impostor = producer(broker.clientAs("order-service", "not-the-password"))) {
            assertThatThrownBy(() -> impostor.send(new ProducerRecord<>("order.events", "QC-5", "OrderPaid")).get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void theIngressServiceRunsAsItsOwnUserAndWhatTelegramPostsArrives() throws Exception {
        long chat = TelegramUpdates.newChatId();
        try (ConfigurableApplicationContext ingress = IngressApplication.application(environmentOf("ingress-service")).run()) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + ingress.getEnvironment().getProperty("local.server.port") + "/telegram/webhook"))
                    .header("Content-Type", "application/json")
                    .header("X-Telegram-Bot-Api-Secret-Token", TestEnvironment.WEBHOOK_SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(TelegramUpdates.text(TelegramUpdates.nextUpdateId(), chat, "/start", "en").toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as("200 only once the broker took it from the ingress's user").isEqualTo(200);
            assertThat(readiness(ingress, "local.management.port")).contains("\"kafka\"").contains("UP");
        }
        try (KafkaConsumer<String, String> order = consumerAs("order-service", "order-service")) {
            order.subscribe(List.of("telegram.updates"));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                for (var record : order.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(Long.toString(chat))) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    @Test
    void deliveryServiceStartsConsumesAndIsReadyAsItsOwnUser() throws Exception {
        Map<String, Object> environment = environmentOf("delivery-service");
        // A database of its own: on the suite's shared one its outbox relay could take the cluster's rows to this broker.
        environment.put("DATABASE_URL", TestDatabase.freshJdbcUrl());
        environment.put("INVENTORY_KEY", java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32)));
        environment.put(GoodsTransitKeys.PUBLIC_KEY_VARIABLE, GoodsTransitKeys.publicKey());
        try (ConfigurableApplicationContext delivery = DeliveryServiceApplication.application(environment).run();
             Admin admin = broker.admin()) {
            // Its listener joined its group and its topic checks, lag and readiness found what they need.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> !admin.describeConsumerGroups(List.of("delivery-service"))
                    .all().get(10, TimeUnit.SECONDS).get("delivery-service").members().isEmpty());
            assertThat(readiness(delivery, "local.server.port")).contains("\"kafka\"").doesNotContain("DOWN");
        }
    }

    /** A service's settings as a live one has them: the compose broker, SASL, its own user; the rest as every test. */
    private static Map<String, Object> environmentOf(String service) {
        Map<String, Object> environment = TestEnvironment.infrastructure();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap());
        environment.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        environment.put("KAFKA_SASL_USERNAME", service);
        environment.put("KAFKA_SASL_PASSWORD", PASSWORDS.get(service));
        // As setup.sh made the topics, so the service finds nothing to change (it could not).
        environment.put("KAFKA_PARTITIONS", "1");
        return environment;
    }

    private static String readiness(ConfigurableApplicationContext service, String portProperty) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + service.getEnvironment().getProperty(portProperty) + "/actuator/health/readiness");
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200).body();
    }

    private static AclBinding binding(KafkaAccessRules.Rule rule) {
        ResourceType type = rule.type().equals("topic") ? ResourceType.TOPIC : ResourceType.GROUP;
        return new AclBinding(new ResourcePattern(type, rule.name(), PatternType.LITERAL),
                new AccessControlEntry("User:" + rule.principal(), "*", AclOperation.valueOf(rule.operation()), AclPermissionType.ALLOW));
    }

    private static KafkaProducer<String, String> producerAs(String service) {
        return producer(broker.clientAs(service, PASSWORDS.get(service)));
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> config) {
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumerAs(String service, String group) {
        Map<String, Object> config = broker.clientAs(service, PASSWORDS.get(service));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

}
