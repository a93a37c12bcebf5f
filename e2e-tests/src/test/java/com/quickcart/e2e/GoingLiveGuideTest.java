package com.quickcart.e2e;

import com.quickcart.common.config.ProductionSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import com.quickcart.common.messaging.kafka.KafkaClientSecurity;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The going-live guide, the runbook and the architecture page cannot be followed here (no
 * BotFather token, no Pakasir account, no cluster), so they are held to the code instead: every
 * variable they tell an owner to set is one a service reads, every variable a service reads is in
 * the guide, every metric and log line they tell an SRE to look for is one the code produces, and
 * the fail-fast rules of {@code deploy/local/up.sh} refuse what the guide says they refuse.
 */
class GoingLiveGuideTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of(
            "ingress-service", "order-service", "payment-service", "delivery-service", "notifier-service");
    private static final Pattern VARIABLE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    /** Read by the JVM or by Spring Boot itself (relaxed binding), not through a service's placeholders. */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "SPRING_PROFILES_ACTIVE",
            "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION");
    /** Upper-case words in the guide that are values, not variables. */
    private static final Set<String> VALUES = Set.of("SASL_SSL", "SASL_PLAINTEXT", "DESCRIBE_CONFIGS");
    @Test
    void everyVariableTheGuideNamesIsReadByAServiceAndListedInEnvExample() {
        Set<String> named = variablesIn(read("docs/GOING-LIVE.md"));
        named.removeAll(VALUES);
        named.removeAll(PLATFORM_VARIABLES);
        named.removeAll(readByKafkaSetup());
        assertThat(difference(named, readByServices())).as("named in the guide, read by no service").isEmpty();
        assertThat(difference(named, envExample())).as("named in the guide, missing from .env.example").isEmpty();
    }

    @Test
    void everyVariableAServiceReadsIsInTheGuideAndInEnvExample() {
        assertThat(difference(readByServices(), variablesIn(read("docs/GOING-LIVE.md")))).as("read, but not in the guide").isEmpty();
        assertThat(difference(readByServices(), envExample())).as("read, but not in .env.example").isEmpty();
        assertThat(difference(envExample(), readByServices())).as("in .env.example, read by no service").isEmpty();
    }

    @Test
    void theKafkaCredentialsTheGuideSetsReachTheKafkaClients() throws IOException {
        Map<String, Object> environment = Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", "order-service",
                "KAFKA_SASL_PASSWORD", "0123456789abcdef0123456789abcdef");
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        // Under the services' own defaults, as MessagingDefaults puts them.
        spring.getPropertySources().addLast(new org.springframework.core.io.support.ResourcePropertySource(
                "defaults", "classpath:quickcart-messaging-defaults.properties"));
        ConfigurationPropertySources.attach(spring);

        KafkaClientSecurity security = Binder.get(spring).bindOrCreate("quickcart.kafka", KafkaClientSecurity.class);

        assertThat(security.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"order-service\" password=\"0123456789abcdef0123456789abcdef\";");
        assertThat(variablesIn(read("docs/GOING-LIVE.md"))).containsAll(environment.keySet());
    }

    /** Variables deploy/kafka's scripts read (the broker's admin, one password per Kafka user): documented, read by no service. */
    private static Set<String> readByKafkaSetup() {
        Set<String> read = new TreeSet<>();
        for (String script : List.of("deploy/kafka/setup.sh", "deploy/kafka/broker.sh")) {
            Matcher variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(read(script));
            while (variable.find()) {
                read.add(variable.group(1));
            }
        }
        // setup.sh reads KAFKA_PASSWORD_<PRINCIPAL> for each user of access.conf.
        read("deploy/kafka/access.conf").lines().map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty())
                .forEach(l -> read.add("KAFKA_PASSWORD_" + l.split("\\s+")[0].toUpperCase().replace('-', '_')));
        return read;
    }

    @Test
    void theMetricsTheDocsCiteAreOnesTheServicesExport() {
        Set<String> exported = new HashSet<>();
        Matcher meter = Pattern.compile("\"(quickcart\\.[a-z_.]+)\"").matcher(mainSources());
        while (meter.find()) {
            exported.add(meter.group(1).replace('.', '_'));
        }
        for (String doc : List.of("docs/GOING-LIVE.md", "docs/ARCHITECTURE.md", "deploy/RUNBOOK.md", "README.md")) {
            Matcher cited = Pattern.compile("\\bquickcart_[a-z0-9_]+").matcher(read(doc));
            while (cited.find()) {
                String name = cited.group().replaceFirst("_(total|seconds|count|bucket)$", "");
                assertThat(exported).as("%s cites %s", doc, cited.group()).contains(name);
            }
        }
    }

    @Test
    void theLogLinesTheDocsTellAnOperatorToLookForAreOnesTheCodeWrites() {
        List<Pattern> formats = new ArrayList<>();
        Matcher log = Pattern.compile("log\\.(?:debug|info|warn|error)\\(\\s*\"([^\"]+)\"").matcher(mainSources());
        while (log.find()) {
            String[] fixed = log.group(1).split("\\{}", -1);
            formats.add(Pattern.compile(Stream.of(fixed).map(Pattern::quote).collect(Collectors.joining(".*"))));
        }
        int cited = 0;
        for (String doc : List.of("docs/GOING-LIVE.md", "deploy/RUNBOOK.md")) {
            Matcher line = Pattern.compile("\\blogs? `([^`]+)`").matcher(read(doc).replaceAll("\\s*\\n\\s*", " "));
            while (line.find()) {
                String example = line.group(1).replace("…", "x");
                assertThat(formats).as("%s: no log statement writes `%s`", doc, line.group(1))
                        .anyMatch(format -> format.matcher(example).matches());
                cited++;
            }
        }
        assertThat(cited).as("log lines cited by the troubleshooting section").isGreaterThanOrEqualTo(10);
    }

    @Test
    void theProjectsDocsLinkToEachOtherAndNothingOutsideTheRepository() throws IOException {
        String readme = read("README.md");
        assertThat(readme).contains("](docs/GOING-LIVE.md)").contains("](docs/ARCHITECTURE.md)");
        assertThat(read("deploy/RUNBOOK.md")).contains("](../docs/ARCHITECTURE.md)");
        assertThat(read("docs/ARCHITECTURE.md")).contains("```mermaid\nsequenceDiagram");
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Path> docs = files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !ROOT.relativize(p).toString().matches("(\\.run|.*target|node_modules)/.*")).toList();
            assertThat(docs).hasSizeGreaterThan(5);
            for (Path doc : docs) {
                assertThat(Files.readString(doc)).as(ROOT.relativize(doc).toString()).doesNotContain("../" + "shared").doesNotContain("shared/DESIGN");
            }
        }
        Matcher link = Pattern.compile("\\]\\(((?:\\.\\./)*[A-Za-z][^)#:]*)(?:#[^)]*)?\\)").matcher(read("docs/GOING-LIVE.md") + read("docs/ARCHITECTURE.md"));
        while (link.find()) {
            assertThat(ROOT.resolve("docs").resolve(link.group(1)).normalize()).as("link " + link.group()).exists();
        }
    }

    @Test
    void upShRefusesEachUnsafeLiveSettingNamingTheVariable() throws Exception {
        Map<String, String> safe = new HashMap<>(Map.of(
                "SPRING_PROFILES_ACTIVE", "prod",
                "TELEGRAM_BOT_TOKEN", "987654:real-token",
                "TELEGRAM_WEBHOOK_SECRET", "s".repeat(40),
                "TELEGRAM_WEBHOOK_URL", "https://shop.example.com/telegram/webhook",
                "PAKASIR_PROJECT", "tokoku",
                "PAKASIR_API_KEY", "pk-real",
                "INVENTORY_KEY", "3q2+796tvu/erb7v3q2+796tvu/erb7v3q2+796tvu8="));
        assertThat(checkProductionSettings(safe)).as("a safe live store").isEmpty();

        Map<String, String> unsafe = new java.util.LinkedHashMap<>();
        unsafe.put("TELEGRAM_BOT_TOKEN", "");
        unsafe.put("TELEGRAM_WEBHOOK_SECRET", "local-dev-secret");
        unsafe.put("TELEGRAM_WEBHOOK_URL", "http://shop.example.com/telegram/webhook");
        unsafe.put("PAKASIR_PROJECT", "");
        unsafe.put("PAKASIR_API_KEY", ProductionSettings.LOCAL_PAKASIR_API_KEY);
        unsafe.put("INVENTORY_KEY", ProductionSettings.LOCAL_INVENTORY_KEY);
        unsafe.put("INVENTORY_PREVIOUS_KEYS", "1:" + ProductionSettings.LOCAL_INVENTORY_KEY);
        unsafe.put("LIQUIBASE_CONTEXTS", "main,demo");
        unsafe.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092,kafka.example.com:9092");
        for (var setting : unsafe.entrySet()) {
            Map<String, String> environment = new HashMap<>(safe);
            environment.put(setting.getKey(), setting.getValue());
            assertThat(checkProductionSettings(environment)).as("%s=%s", setting.getKey(), setting.getValue())
                    .contains("refusing to start").contains(setting.getKey());
        }
        Map<String, String> local = new HashMap<>(safe);
        local.put("SPRING_PROFILES_ACTIVE", "local");
        local.put("INVENTORY_KEY", ProductionSettings.LOCAL_INVENTORY_KEY);
        assertThat(runBash("source deploy/local/lib.sh; local_profile", local).exit()).as("local profile").isZero();
    }

    @Test
    void theStandInsUpShUsesLocallyAreExactlyTheOnesTheServicesRefuseInProduction() {
        String lib = read("deploy/local/lib.sh");
        assertThat(lib).contains("LOCAL_INVENTORY_KEY=\"" + ProductionSettings.LOCAL_INVENTORY_KEY + "\"")
                .contains("LOCAL_BOT_TOKEN=\"" + ProductionSettings.LOCAL_BOT_TOKEN + "\"")
                .contains("LOCAL_PAKASIR_API_KEY=\"" + ProductionSettings.LOCAL_PAKASIR_API_KEY + "\"");
        Matcher secret = Pattern.compile("LOCAL_WEBHOOK_SECRET=\"([^\"]*)\"").matcher(lib);
        assertThat(secret.find()).isTrue();
        assertThat(secret.group(1).length()).as("the local webhook secret is one production refuses")
                .isLessThan(ProductionSettings.MIN_WEBHOOK_SECRET_LENGTH);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private record Run(int exit, String output) {
    }

    /** Runs up.sh's check as up.sh does, and returns what it printed when it refused ("" when it passed). */
    private static String checkProductionSettings(Map<String, String> environment) throws Exception {
        Run run = runBash("source deploy/local/lib.sh; check_production_settings", environment);
        assertThat(run.exit() == 0).as("exit code agrees with output: " + run.output()).isEqualTo(run.output().isEmpty());
        return run.output();
    }

    private static Run runBash(String script, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("TELEGRAM_") || name.startsWith("PAKASIR_")
                || name.startsWith("INVENTORY_") || name.startsWith("SPRING_") || name.equals("LIQUIBASE_CONTEXTS"));
        builder.environment().putAll(environment);
        builder.environment().put("QC_RUN_DIR", Files.createTempDirectory("qc-run").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Set<String> readByServices() {
        Set<String> read = new TreeSet<>(placeholders(read("common/src/main/resources/quickcart-messaging-defaults.properties")));
        for (String service : SERVICES) {
            read.addAll(placeholders(read(service + "/src/main/resources/" + service + ".yml")));
        }
        return read;
    }

    private static Set<String> envExample() {
        return read(".env.example").lines().map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> l.contains("="))
                .map(l -> l.substring(0, l.indexOf('='))).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Set<String> variablesIn(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static String mainSources() {
        StringBuilder all = new StringBuilder();
        for (String module : Stream.concat(Stream.of("common"), SERVICES.stream()).toList()) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module + "/src/main/java"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(file)).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }

    private static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
