package com.quickcart.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.messaging.EventCodec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.quickcart.e2e.DeployFiles.k8s;
import static com.quickcart.e2e.DeployFiles.list;
import static com.quickcart.e2e.DeployFiles.map;
import static com.quickcart.e2e.DeployFiles.yaml;
import static com.quickcart.e2e.DeployFiles.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, the Kubernetes manifests, the alert rules and the dashboard cannot be run
 * here (no Docker engine, no cluster), so they are held to the code instead: every service,
 * port, consumer group and environment variable they name must be one the services really have,
 * or a deployment would start with a setting nobody reads, or scale on a group nobody joins.
 */
class DeploymentDescriptorsTest {

    private static final List<String> SERVICES = List.of(
            "ingress-service", "order-service", "payment-service", "delivery-service", "notifier-service");
    /** Read by the JVM itself, not by Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    @Test
    void composeRunsEveryServiceOnItsOwnPortWithOnlySettingsTheServiceReads() {
        Map<String, Object> services = map(yaml("docker-compose.yml").get("services"));

        assertThat(services).containsKeys("kafka", "postgres", "redis", "prometheus", "grafana");
        for (String service : SERVICES) {
            Map<String, Object> definition = map(services.get(service));
            assertThat(definition).as(service).containsKeys("image", "environment", "deploy");
            assertThat((String) definition.get("image")).startsWith("quickcart/" + service + ":");
            Map<String, Object> environment = map(definition.get("environment"));
            assertThat(unread(service, environment.keySet())).as("%s: variables no code reads", service).isEmpty();
            assertThat(environment.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            assertThat(environment.get(portVariable(service))).as(service + " port").isEqualTo(Integer.toString(defaultPort(service)));
            assertThat(map(definition.get("depends_on"))).as(service).containsKey("kafka-setup");
        }
        assertThat(map(map(services.get("order-service")).get("environment")).get("REDIS_URL"))
                .as("replicas of order-service must share sessions").isEqualTo("redis://redis:6379");
        for (Object volumes : List.of(map(services.get("prometheus")).get("volumes"), map(services.get("grafana")).get("volumes"))) {
            for (Object volume : (List<?>) volumes) {
                assertThat(ROOT.resolve(volume.toString().split(":")[0])).as("mounted " + volume).exists();
            }
        }
    }

    @Test
    void kubernetesDeploymentsMatchThePortsProbesAndSettingsOfTheCode() {
        Map<String, Object> config = map(map(k8s("configmap.yaml").getFirst().get("data")));
        Set<String> secretKeys = map(k8s("secret.example.yaml").getFirst().get("stringData")).keySet();
        assertThat(unread(null, config.keySet())).as("ConfigMap keys no service reads").isEmpty();

        for (String service : SERVICES) {
            List<Map<String, Object>> documents = k8s(service + ".yaml");
            Map<String, Object> deployment = kind(documents, "Deployment");
            Map<String, Object> template = map(map(deployment.get("spec")).get("template"));
            Map<String, Object> container = map(((List<?>) map(template.get("spec")).get("containers")).getFirst());
            int port = defaultPort(service);
            int actuatorPort = managementPort(service).orElse(port);

            assertThat(map(map(((List<?>) container.get("ports")).getFirst())).get("containerPort")).as(service).isEqualTo(port);
            assertThat(map(map(template.get("metadata")).get("annotations"))).as(service)
                    .containsEntry("prometheus.io/port", Integer.toString(actuatorPort))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
            assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
            assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
            Set<String> variables = new HashSet<>();
            for (Object entry : (List<?>) container.get("env")) {
                Map<String, Object> variable = map(entry);
                variables.add((String) variable.get("name"));
                if (variable.get("valueFrom") != null) {
                    assertThat(secretKeys).as(service).contains((String) map(map(variable.get("valueFrom")).get("secretKeyRef")).get("key"));
                }
            }
            assertThat(unread(service, variables)).as("%s: variables it does not read", service).isEmpty();
            assertThat(map(kind(documents, "Service").get("spec")).get("selector")).isEqualTo(Map.of("app", service));
            if (managementPort(service).isPresent()) {
                // Actuator on a port of its own, which the probes use and the Service never exposes.
                assertThat(probePort(container, "readinessProbe")).as(service).isEqualTo("management");
                assertThat(probePort(container, "livenessProbe")).as(service).isEqualTo("management");
                assertThat((List<?>) container.get("ports")).as(service).anySatisfy(p ->
                        assertThat(map(p)).containsEntry("name", "management").containsEntry("containerPort", actuatorPort));
                assertThat(map(kind(documents, "Service").get("spec")).get("ports").toString()).as(service)
                        .doesNotContain("management").doesNotContain(Integer.toString(actuatorPort));
            }
        }
        assertThat(managementPort("ingress-service")).as("the public ingress serves no actuator on its webhook port").isPresent();
        assertThat(map(map(map(k8s("payment-service.yaml").getFirst().get("spec")).get("template")).get("spec")).toString())
                .as("only payment-service holds the Pakasir key").contains("pakasir-api-key");
        for (String other : List.of("ingress-service", "order-service", "delivery-service", "notifier-service")) {
            assertThat(k8s(other + ".yaml").toString()).as(other).doesNotContain("pakasir-api-key");
        }
        assertThat(k8s("notifier-service.yaml").toString()).as("only the notifier opens the goods")
                .contains("goods-transit-private-key");
        for (String other : List.of("ingress-service", "order-service", "payment-service", "delivery-service")) {
            assertThat(k8s(other + ".yaml").toString()).as(other).doesNotContain("goods-transit-private-key", "GOODS_TRANSIT_PRIVATE_KEY");
        }
        assertThat(config).as("the public key is not a secret and reaches delivery").containsKey("GOODS_TRANSIT_PUBLIC_KEY")
                .doesNotContainKeys("GOODS_TRANSIT_PRIVATE_KEY", "GOODS_TRANSIT_PREVIOUS_PRIVATE_KEYS");
        assertThat(k8s("delivery-service.yaml").toString()).as("only delivery opens uploaded goods")
                .contains("stock-intake-private-key");
        for (String other : List.of("ingress-service", "order-service", "payment-service", "notifier-service")) {
            assertThat(k8s(other + ".yaml").toString()).as(other).doesNotContain("stock-intake-private-key", "STOCK_INTAKE_PRIVATE_KEY");
        }
        assertThat(config).as("the stock-intake public key is not a secret and reaches the notifier").containsKey("STOCK_INTAKE_PUBLIC_KEY")
                .doesNotContainKeys("STOCK_INTAKE_PRIVATE_KEY", "STOCK_INTAKE_PREVIOUS_PRIVATE_KEYS");
        assertThat(k8s("order-service.yaml").toString()).as("only order-service opens typed text")
                .contains("update-transit-private-key");
        for (String other : List.of("ingress-service", "payment-service", "delivery-service", "notifier-service")) {
            assertThat(k8s(other + ".yaml").toString()).as(other).doesNotContain("update-transit-private-key", "UPDATE_TRANSIT_PRIVATE_KEY");
        }
        assertThat(config).as("the update-transit public key reaches ingress").containsKey("UPDATE_TRANSIT_PUBLIC_KEY")
                .doesNotContainKeys("UPDATE_TRANSIT_PRIVATE_KEY", "UPDATE_TRANSIT_PREVIOUS_PRIVATE_KEYS");
    }

    @Test
    void composeGivesTheGoodsTransitPrivateKeyToTheNotifierAlone() {
        Map<String, Object> services = map(yaml("docker-compose.yml").get("services"));

        assertThat(map(map(services.get("notifier-service")).get("environment"))).containsKey("GOODS_TRANSIT_PRIVATE_KEY");
        assertThat(map(map(services.get("delivery-service")).get("environment"))).containsKey("GOODS_TRANSIT_PUBLIC_KEY");
        for (String other : List.of("ingress-service", "order-service", "payment-service", "delivery-service")) {
            assertThat(map(map(services.get(other)).get("environment"))).as(other)
                    .doesNotContainKeys("GOODS_TRANSIT_PRIVATE_KEY", "GOODS_TRANSIT_PREVIOUS_PRIVATE_KEYS");
        }
    }

    @Test
    void composeGivesTheStockIntakePrivateKeyToDeliveryAlone() {
        Map<String, Object> services = map(yaml("docker-compose.yml").get("services"));

        assertThat(map(map(services.get("delivery-service")).get("environment"))).containsKey("STOCK_INTAKE_PRIVATE_KEY");
        assertThat(map(map(services.get("notifier-service")).get("environment"))).containsKey("STOCK_INTAKE_PUBLIC_KEY");
        for (String other : List.of("ingress-service", "order-service", "payment-service", "notifier-service")) {
            assertThat(map(map(services.get(other)).get("environment"))).as(other)
                    .doesNotContainKeys("STOCK_INTAKE_PRIVATE_KEY", "STOCK_INTAKE_PREVIOUS_PRIVATE_KEYS");
        }
    }

    @Test
    void eachServiceConnectsToPostgresAsItsOwnUserNamedForTheSchemaItOwns() {
        assertThat(map(k8s("configmap.yaml").getFirst().get("data"))).as("no shared database user").doesNotContainKey("DATABASE_USER");
        Set<String> passwordKeys = new HashSet<>();
        for (String service : SERVICES.subList(1, SERVICES.size())) {
            Map<String, Object> container = map(((List<?>) map(map(map(kind(k8s(service + ".yaml"), "Deployment").get("spec"))
                    .get("template")).get("spec")).get("containers")).getFirst());
            Map<String, Map<String, Object>> env = new java.util.HashMap<>();
            ((List<?>) container.get("env")).forEach(e -> env.put((String) map(e).get("name"), map(e)));
            String schema = (String) map(map(yaml(ROOT.relativize(config(service)).toString()).get("quickcart")).get("db")).get("schema");

            assertThat(env.get("DATABASE_USER")).as(service).containsEntry("value", schema);
            passwordKeys.add((String) map(map(env.get("DATABASE_PASSWORD").get("valueFrom")).get("secretKeyRef")).get("key"));
        }
        assertThat(passwordKeys).as("one password per service user").hasSize(SERVICES.size() - 1);
    }

    @Test
    void theGuidesTopicScriptAndAclTableNameEveryTopicTheServicesUse() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/GOING-LIVE.md"));
        Matcher script = Pattern.compile("for t in ([a-z. \\\\\\n]+); do").matcher(guide);
        assertThat(script.find()).as("the topic creation loop in GOING-LIVE.md").isTrue();
        Set<String> created = new TreeSet<>(List.of(script.group(1).replace("\\", " ").trim().split("\\s+")));
        assertThat(created).isEqualTo(new TreeSet<>(com.quickcart.common.events.Topics.ALL));
        String acl = guide.substring(guide.indexOf("| principal | READ"), guide.indexOf("| keda |"));
        for (String topic : com.quickcart.common.events.Topics.ALL) {
            // Each topic is written by one principal and read by at least one: twice in the table at least.
            assertThat(acl.split(Pattern.quote("`" + topic + "`"), -1).length - 1).as("ACL rows naming " + topic).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void kedaScalesEachConsumerOnItsOwnGroupAndNeverPastThePartitions() {
        int partitions = Integer.parseInt((String) map(k8s("configmap.yaml").getFirst().get("data")).get("KAFKA_PARTITIONS"));
        Map<String, String> scaledGroups = new java.util.HashMap<>();
        for (Map<String, Object> scaled : k8s("keda-scaledobjects.yaml")) {
            if (!"ScaledObject".equals(scaled.get("kind"))) {
                continue;
            }
            Map<String, Object> spec = map(scaled.get("spec"));
            String target = (String) map(spec.get("scaleTargetRef")).get("name");
            Map<String, Object> trigger = map(((List<?>) spec.get("triggers")).getFirst());
            assertThat(trigger.get("type")).isEqualTo("kafka");
            scaledGroups.put(target, (String) map(trigger.get("metadata")).get("consumerGroup"));
            assertThat((Integer) spec.get("maxReplicaCount")).as(target).isBetween(1, partitions);
            assertThat(map(trigger.get("metadata"))).containsEntry("allowIdleConsumers", "false");
            assertThat(map(trigger.get("authenticationRef"))).as("KEDA logs in to the broker as its own user").containsEntry("name", "keda-kafka");
        }
        Map<String, String> groups = new java.util.HashMap<>();
        for (String service : SERVICES.subList(1, SERVICES.size())) {
            groups.put(service, consumerGroup(service));
        }
        assertThat(scaledGroups).isEqualTo(groups);

        Set<String> listed = new TreeSet<>(list(yaml("deploy/k8s/kustomization.yaml").get("resources")).stream().map(Object::toString).toList());
        Set<String> present;
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
            present = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml") && !n.equals("secret.example.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(listed).isEqualTo(present);
    }

    @Test
    void onlyTheIngressTakesOutsideTrafficAndEachServiceReachesOnlyWhatItsConfigurationReads() {
        Map<String, Map<String, Object>> policies = new java.util.HashMap<>();
        k8s("network-policies.yaml").forEach(p -> policies.put((String) map(p.get("metadata")).get("name"), map(p.get("spec"))));
        Map<String, Object> deny = policies.get("default-deny");
        assertThat(deny).as("everything refused unless allowed").containsEntry("podSelector", Map.of())
                .containsEntry("policyTypes", List.of("Ingress", "Egress")).doesNotContainKeys("ingress", "egress");

        for (String service : SERVICES) {
            Map<String, Object> policy = policies.get(service);
            assertThat(policy).as(service).isNotNull();
            assertThat(policy.get("podSelector")).isEqualTo(Map.of("matchLabels", Map.of("app", service)));
            String config = placeholders(config(service)).keySet().toString();
            for (Object rule : list(policy.get("ingress"))) {
                Object from = map(rule).get("from");
                if (from == null) {
                    assertThat(service).as("only the ingress is open to anyone").isEqualTo("ingress-service");
                    assertThat(map(rule).get("ports").toString()).as("and only on its webhook port").contains("port=" + defaultPort(service))
                            .doesNotContain("port=" + managementPort(service).orElseThrow());
                } else {
                    assertThat(from.toString()).as("%s: otherwise only Prometheus scrapes", service).contains("kubernetes.io/metadata.name=monitoring");
                    assertThat(map(rule).get("ports").toString()).contains("port=" + managementPort(service).orElse(defaultPort(service)));
                }
            }
            String egress = policy.get("egress").toString();
            assertThat(egress).as(service + " reaches the broker").contains("kubernetes.io/metadata.name=kafka").contains("port=9092");
            assertThat(egress.contains("app=postgres")).as(service + " reaches PostgreSQL iff it reads DATABASE_URL").isEqualTo(config.contains("DATABASE_URL"));
            assertThat(egress.contains("app=redis")).as(service + " reaches Redis iff it reads REDIS_URL").isEqualTo(config.contains("REDIS_URL"));
            assertThat(egress.contains("port=443")).as(service + " reaches the internet iff it calls an outside API")
                    .isEqualTo(config.contains("TELEGRAM_API_URL") || config.contains("PAKASIR_API_URL"));
        }
        Set<String> databaseClients = new TreeSet<>();
        Set<String> redisClients = new TreeSet<>();
        for (String service : SERVICES) {
            if (placeholders(config(service)).containsKey("DATABASE_URL")) {
                databaseClients.add(service);
            }
            if (placeholders(config(service)).containsKey("REDIS_URL")) {
                redisClients.add(service);
            }
        }
        assertThat(admitted(policies.get("postgres"))).as("PostgreSQL admits its services only").isEqualTo(databaseClients);
        assertThat(admitted(policies.get("redis"))).as("Redis admits its services only").isEqualTo(redisClients);
    }

    /** The apps a policy's single ingress rule admits. */
    private static Set<String> admitted(Map<String, Object> policy) {
        Set<String> apps = new TreeSet<>();
        List<?> rules = list(policy.get("ingress"));
        assertThat(rules).hasSize(1);
        for (Object peer : list(map(rules.getFirst()).get("from"))) {
            apps.add((String) map(map(map(peer).get("podSelector")).get("matchLabels")).get("app"));
        }
        return apps;
    }

    @Test
    void everyAlertHasASeverityAndARunbookSectionThatExists() throws IOException {
        String runbook = Files.readString(ROOT.resolve("deploy/RUNBOOK.md"));
        Set<String> anchors = runbook.lines().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").trim().toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : list(yaml("deploy/prometheus/alerts.yml").get("groups"))) {
            list(map(group).get("rules")).forEach(rule -> rules.add(map(rule)));
        }

        assertThat(rules).extracting(r -> r.get("alert")).contains("QuickCartConsumerLagGrowing", "QuickCartOutboxBacklogOld",
                "QuickCartDeadLettersWaiting", "QuickCartPakasirCircuitOpen", "QuickCartNotifierRateLimited");
        for (Map<String, Object> rule : rules) {
            assertThat(map(rule.get("labels")).get("severity")).as(rule.get("alert").toString()).isIn("warning", "critical");
            String url = (String) map(rule.get("annotations")).get("runbook_url");
            assertThat(url).startsWith("deploy/RUNBOOK.md#");
            assertThat(anchors).as("runbook section for " + rule.get("alert")).contains(url.substring(url.indexOf('#') + 1));
        }
        Map<String, Object> scrape = map(list(yaml("deploy/prometheus/prometheus.yml").get("scrape_configs")).getFirst());
        assertThat(list(yaml("deploy/prometheus/prometheus.yml").get("rule_files"))).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly("alerts.yml");
        assertThat(scrape.toString()).contains("__meta_kubernetes_pod_annotation_prometheus_io_scrape", "quickcart");
    }

    @Test
    void theDashboardOpensOnConsumerLagPerGroupAndTopic() throws IOException {
        JsonNode dashboard = EventCodec.mapper().readTree(ROOT.resolve("deploy/grafana/dashboards/quickcart.json").toFile());
        JsonNode panels = dashboard.path("panels");
        String datasource = (String) map(list(yaml("deploy/grafana/provisioning/datasources/prometheus.yml").get("datasources")).getFirst()).get("uid");

        assertThat(panels.get(0).path("type").asText()).isEqualTo("row");
        assertThat(panels.get(0).path("title").asText()).isEqualTo("Consumer lag");
        assertThat(panels.get(1).path("gridPos").path("y").asInt()).isEqualTo(1);
        assertThat(panels.get(1).path("targets").get(0).path("expr").asText())
                .isEqualTo("max by (group, topic) (quickcart_consumer_group_lag)");
        for (JsonNode panel : panels) {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
                panel.path("targets").forEach(t -> assertThat(t.path("datasource").path("uid").asText()).isEqualTo(datasource));
            }
        }
    }

    // --- what the code reads -------------------------------------------------------------------

    /** The variables among {@code names} that neither the service (or, for null, any service) nor the JVM reads. */
    private static Set<String> unread(String service, Set<String> names) {
        Set<String> read = new HashSet<>(JVM_VARIABLES);
        read.addAll(placeholders(ROOT.resolve("common/src/main/resources/quickcart-messaging-defaults.properties")).keySet());
        for (String s : service == null ? SERVICES : List.of(service)) {
            read.addAll(placeholders(config(s)).keySet());
        }
        Set<String> unread = new TreeSet<>(names);
        unread.removeAll(read);
        return unread;
    }

    private static int defaultPort(String service) {
        return Integer.parseInt(placeholders(config(service)).get(portVariable(service)));
    }

    /** The service's own actuator port, where its config names one ({@code <NAME>_MANAGEMENT_PORT}). */
    private static java.util.Optional<Integer> managementPort(String service) {
        return placeholders(config(service)).entrySet().stream().filter(e -> e.getKey().endsWith("_MANAGEMENT_PORT"))
                .map(e -> Integer.parseInt(e.getValue())).findFirst();
    }

    private static String probePort(Map<String, Object> container, String probe) {
        return String.valueOf(map(map(container.get(probe)).get("httpGet")).get("port"));
    }

    private static String portVariable(String service) {
        return service.substring(0, service.indexOf('-')).toUpperCase() + "_PORT";
    }

    private static String consumerGroup(String service) {
        return (String) map(map(map(yaml(ROOT.relativize(config(service)).toString()).get("spring")).get("kafka")).get("consumer")).get("group-id");
    }

    private static Path config(String service) {
        return ROOT.resolve(service + "/src/main/resources/" + service + ".yml");
    }

    /** Every {@code ${VARIABLE:default}} in a file, with its default. */
    private static Map<String, String> placeholders(Path file) {
        Map<String, String> found = new java.util.HashMap<>();
        try {
            Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
            while (matcher.find()) {
                found.put(matcher.group(1), matcher.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    // --- reading the descriptors ---------------------------------------------------------------

    private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow(() -> new AssertionError("no " + kind));
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return (String) map(map(container.get(probe)).get("httpGet")).get("path");
    }
}
