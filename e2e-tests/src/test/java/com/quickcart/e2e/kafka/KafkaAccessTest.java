package com.quickcart.e2e.kafka;

import com.quickcart.common.events.Topics;
import com.quickcart.common.operations.DeadLetterReplay;
import com.quickcart.e2e.kafka.KafkaAccessRules.Rule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.quickcart.e2e.kafka.KafkaAccessRules.ROOT;
import static com.quickcart.e2e.DeployFiles.k8s;
import static com.quickcart.e2e.DeployFiles.list;
import static com.quickcart.e2e.DeployFiles.map;
import static com.quickcart.e2e.DeployFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker's ACLs ({@code deploy/kafka/access.conf}) are derived from the code, not remembered:
 * for each service, what its sources publish ({@code outbox.append(Topics.X, …)}, the ingress's
 * {@code publish(Topics.X, …)}) and what its {@code @KafkaListener}s read and with which group.
 * A new topic, publisher or listener fails here until its ACL is written, and an ACL no code needs
 * fails too. Compose and Kubernetes must give each service exactly that user.
 */
class KafkaAccessTest {

    private static final List<String> SERVICES = List.of(
            "ingress-service", "order-service", "payment-service", "delivery-service", "notifier-service");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("\\bTopics\\.([A-Z][A-Z0-9_]*)\\b");
    private static final Pattern GROUP_ID = Pattern.compile("groupId\\s*=\\s*\"([^\"]+)\"");
    private static final KafkaAccessRules RULES = KafkaAccessRules.read();

    @Test
    void eachServiceMayWriteWhatItPublishesAndReadWhatItListensToAndNothingElse() {
        for (String service : SERVICES) {
            Traffic traffic = traffic(service);
            Set<Rule> expected = new TreeSet<>();
            traffic.publishes().forEach(topic -> expected.add(new Rule(service, "WRITE", "topic", topic)));
            for (String topic : traffic.reads()) {
                expected.add(new Rule(service, "READ", "topic", topic));
                // The error handler parks what the service cannot handle in the topic's twin.
                expected.add(new Rule(service, "WRITE", "topic", Topics.deadLetter(topic)));
            }
            traffic.groups().forEach(group -> expected.add(new Rule(service, "READ", "group", group)));
            if (!traffic.groups().isEmpty()) {
                // ConsumerGroupLag counts the dead letters the replay tool has not dealt with yet.
                expected.add(new Rule(service, "DESCRIBE", "group", DeadLetterReplay.REPLAY_GROUP));
            }
            // KafkaAdmin checks every topic (partitions, min.insync.replicas) at start.
            expected.add(new Rule(service, "DESCRIBE", "topic", "*"));
            expected.add(new Rule(service, "DESCRIBE_CONFIGS", "topic", "*"));

            assertThat(RULES.of(service)).as("%s: ACLs in deploy/kafka/access.conf against its code", service)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theCodeReadsAndWritesEveryTopicOnlyThroughTheseUsers() {
        Set<String> published = new TreeSet<>();
        SERVICES.forEach(service -> published.addAll(traffic(service).publishes()));
        assertThat(published).as("every topic has a publisher").containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(RULES.topics()).as("the topics setup.sh creates")
                .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().flatMap(t -> Stream.of(t, Topics.deadLetter(t))).toList());
        assertThat(RULES.principals()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(SERVICES.stream(), Stream.of("keda")).toList());
    }

    @Test
    void kedaOnlyDescribesTheGroupsItScalesOn() {
        Set<String> groups = new TreeSet<>();
        SERVICES.forEach(service -> groups.addAll(traffic(service).groups()));
        Set<Rule> expected = new TreeSet<>();
        groups.forEach(group -> expected.add(new Rule("keda", "DESCRIBE", "group", group)));
        expected.add(new Rule("keda", "DESCRIBE", "topic", "*"));

        assertThat(RULES.of("keda")).containsExactlyElementsOf(expected);
    }

    @Test
    void composePublishesNoBrokerPortAndLogsEachServiceInAsItsOwnUser() {
        Map<String, Object> services = map(yaml("docker-compose.yml").get("services"));
        Map<String, Object> kafka = map(services.get("kafka"));
        Map<String, Object> setup = map(services.get("kafka-setup"));

        assertThat(kafka).as("nobody outside the compose network reaches the broker").doesNotContainKey("ports");
        assertThat(kafka.get("command").toString()).contains("/quickcart/kafka/broker.sh");
        assertThat(kafka.get("volumes").toString()).contains("./deploy/kafka:/quickcart/kafka:ro");
        assertThat(setup.get("command").toString()).contains("/quickcart/kafka/setup.sh");
        assertThat(setup.get("volumes").toString()).contains("./deploy/kafka:/quickcart/kafka:ro");
        Map<String, Object> setupEnvironment = map(setup.get("environment"));
        Set<String> passwords = new HashSet<>();
        for (String service : SERVICES) {
            Map<String, Object> definition = map(services.get(service));
            Map<String, Object> environment = map(definition.get("environment"));
            assertThat(environment).as(service).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512").containsEntry("KAFKA_SASL_USERNAME", service);
            String password = environment.get("KAFKA_SASL_PASSWORD").toString();
            String variable = passwordVariable(service);
            assertThat(password).as(service).startsWith("${" + variable + ":?");
            assertThat(setupEnvironment.get(variable).toString()).as("kafka-setup gives %s's user the same password", service)
                    .startsWith("${" + variable + ":?");
            passwords.add(password);
            assertThat(map(definition.get("depends_on"))).as("%s starts once its user exists", service)
                    .containsEntry("kafka-setup", Map.of("condition", "service_completed_successfully"));
        }
        assertThat(passwords).as("one password per service").hasSize(SERVICES.size());
        assertThat(setupEnvironment.get("KAFKA_SETUP_SKIP")).as("compose has no KEDA").isEqualTo("keda");
        assertThat(map(services.get("postgres"))).doesNotContainKey("ports");
        assertThat(map(services.get("redis"))).doesNotContainKey("ports");
    }

    @Test
    void kubernetesGivesEachServiceItsOwnKafkaUserAndPasswordAndTheSetupJobAllOfThem() {
        Map<String, Object> config = map(k8s("configmap.yaml").getFirst().get("data"));
        assertThat(config).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL").containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        Map<String, String> jobPasswords = new HashMap<>();
        Map<String, Object> job = k8s("kafka-setup.yaml").getFirst();
        Map<String, Object> jobContainer = container(job);
        for (Object entry : list(jobContainer.get("env"))) {
            Map<String, Object> variable = map(entry);
            if (variable.get("name").toString().startsWith("KAFKA_PASSWORD_")) {
                jobPasswords.put(variable.get("name").toString(), secretKey(variable));
            }
        }
        assertThat(jobContainer.get("command").toString()).contains("/quickcart/kafka/setup.sh");
        assertThat(jobPasswords.keySet()).as("the Job sets a password for every principal of access.conf")
                .containsExactlyInAnyOrderElementsOf(RULES.principals().stream().map(KafkaAccessTest::passwordVariable).toList());

        Set<String> keys = new HashSet<>();
        for (String service : SERVICES) {
            Map<String, Object> container = container(k8s(service + ".yaml").stream()
                    .filter(d -> "Deployment".equals(d.get("kind"))).findFirst().orElseThrow());
            Map<String, Map<String, Object>> env = new HashMap<>();
            list(container.get("env")).forEach(e -> env.put(map(e).get("name").toString(), map(e)));

            assertThat(env.get("KAFKA_SASL_USERNAME")).as(service).containsEntry("value", service);
            String key = secretKey(env.get("KAFKA_SASL_PASSWORD"));
            assertThat(key).as("%s's password is the one the Job gives its user", service).isEqualTo(jobPasswords.get(passwordVariable(service)));
            keys.add(key);
            for (String other : SERVICES) {
                if (!other.equals(service)) {
                    assertThat(k8s(other + ".yaml").toString()).as("%s holds no password of %s", other, service).doesNotContain(key + "}");
                }
            }
        }
        assertThat(keys).as("one password per service").hasSize(SERVICES.size());
    }

    // --- what each service's code publishes and reads -----------------------------------------------

    record Traffic(Set<String> publishes, Set<String> reads, Set<String> groups) {
    }

    /** From the service's main sources: topics in its @KafkaListener annotations are read, every other Topics constant is published to. */
    static Traffic traffic(String service) {
        Set<String> publishes = new TreeSet<>();
        Set<String> reads = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String source : sources(service)) {
            StringBuilder outsideListeners = new StringBuilder();
            int from = 0;
            for (int at = source.indexOf("@KafkaListener("); at >= 0; at = source.indexOf("@KafkaListener(", from)) {
                outsideListeners.append(source, from, at);
                int end = closingParenthesis(source, at + "@KafkaListener".length());
                String annotation = source.substring(at, end + 1);
                reads.addAll(topics(annotation));
                Matcher group = GROUP_ID.matcher(annotation);
                assertThat(group.find()).as("%s: a listener names its group: %s", service, annotation).isTrue();
                groups.add(group.group(1));
                from = end + 1;
            }
            outsideListeners.append(source.substring(from));
            publishes.addAll(topics(outsideListeners.toString()));
        }
        return new Traffic(publishes, reads, groups);
    }

    private static Set<String> topics(String code) {
        Set<String> topics = new TreeSet<>();
        Matcher constant = TOPIC_CONSTANT.matcher(code);
        while (constant.find()) {
            assertThat(constant.group(1)).as("a topic named one by one, so its ACL can be derived").isNotEqualTo("ALL");
            try {
                topics.add((String) Topics.class.getField(constant.group(1)).get(null));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("no topic Topics." + constant.group(1), e);
            }
        }
        return topics;
    }

    private static int closingParenthesis(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new AssertionError("unbalanced @KafkaListener at " + open);
    }

    private static List<String> sources(String service) {
        try (Stream<Path> files = Files.walk(ROOT.resolve(service + "/src/main/java"))) {
            List<String> sources = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(file));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- reading the descriptors -------------------------------------------------------------------

    /** order-service -> KAFKA_PASSWORD_ORDER_SERVICE, as setup.sh names it. */
    static String passwordVariable(String principal) {
        return "KAFKA_PASSWORD_" + principal.toUpperCase().replace('-', '_');
    }

    private static String secretKey(Map<String, Object> variable) {
        Map<String, Object> ref = map(map(variable.get("valueFrom")).get("secretKeyRef"));
        assertThat(ref.get("name")).isEqualTo("quickcart-secrets");
        return ref.get("key").toString();
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        return map(list(map(map(map(workload.get("spec")).get("template")).get("spec")).get("containers")).getFirst());
    }
}
