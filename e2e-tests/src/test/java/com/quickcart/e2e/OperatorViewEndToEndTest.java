package com.quickcart.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickcart.common.messaging.EventCodec;
import com.quickcart.testsupport.TelegramUpdates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.Yaml;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the SRE sees: every metric the dashboard and the alert rules query is one the running
 * services really expose on /actuator/prometheus, so no panel is empty and no alert is blind.
 */
class OperatorViewEndToEndTest {

    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
    /** Metric names as PromQL writes them; "up" is Prometheus's own. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:quickcart|kafka|spring_kafka|http_server|resilience4j|jvm|process)_[a-z0-9_]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Cluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = Cluster.shared();
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsExposedByTheServices() throws Exception {
        Set<String> queried = new TreeSet<>();
        queried.addAll(metricsIn(alertExpressions()));
        queried.addAll(metricsIn(dashboardExpressions()));
        assertThat(queried).contains("quickcart_consumer_group_lag", "quickcart_outbox_oldest_age_seconds",
                "quickcart_dead_letters_pending", "resilience4j_circuitbreaker_state", "quickcart_notifier_bot_api_rate_limited_total");

        // Traffic through every edge, so that metrics born with the first call exist: a /start
        // (ingress HTTP, both listeners, Bot API calls) and a QRIS checkout (Pakasir).
        long chat = TelegramUpdates.newChatId();
        long product = cluster.newProduct("Metrik Uji", 15_000, 1);
        assertThat(cluster.postTelegram(TelegramUpdates.text(TelegramUpdates.nextUpdateId(), chat, "/start", "en")).statusCode()).isEqualTo(200);
        var tap = TelegramUpdates.callback(TelegramUpdates.nextUpdateId(), chat, 700, "pay:q:" + product + ":1");
        assertThat(cluster.postTelegram(tap).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(exposedMetrics()).containsAll(queried));
    }

    @Test
    void eachConsumingServiceReportsItsOwnGroupsLagPerTopic() {
        Map<String, List<String>> topicsByService = Map.of(
                "order-service", List.of("telegram.updates", "payment.events", "delivery.events"),
                "payment-service", List.of("payment.commands", "pakasir.callbacks"),
                "delivery-service", List.of("order.events", "delivery.commands"),
                "notifier-service", List.of("telegram.outbound", "broadcast.commands"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (ConfigurableApplicationContext service : cluster.services()) {
                String name = service.getEnvironment().getProperty("spring.application.name");
                String scrape = scrape(service);
                for (String topic : topicsByService.getOrDefault(name, List.of())) {
                    assertThat(scrape).as(name).contains(
                            "quickcart_consumer_group_lag{group=\"" + name + "\",service=\"" + name + "\",topic=\"" + topic + "\"}");
                    assertThat(scrape).as(name).containsPattern(
                            "quickcart_dead_letters_pending\\{[^}]*topic=\"" + Pattern.quote(topic + ".dlt") + "\"");
                }
            }
        });
    }

    private static Set<String> exposedMetrics() {
        Set<String> names = new TreeSet<>();
        for (ConfigurableApplicationContext service : cluster.services()) {
            scrape(service).lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }

    private static String scrape(ConfigurableApplicationContext service) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(Cluster.actuatorUrl(service, "/prometheus"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> metricsIn(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            Matcher matcher = METRIC.matcher(expression);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions() throws Exception {
        Map<String, Object> rules = new Yaml().load(Files.readString(DEPLOY.resolve("prometheus/alerts.yml")));
        return ((List<Map<String, Object>>) rules.get("groups")).stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
                .map(r -> r.get("expr").toString()).toList();
    }

    private static List<String> dashboardExpressions() throws Exception {
        JsonNode dashboard = EventCodec.mapper().readTree(DEPLOY.resolve("grafana/dashboards/quickcart.json").toFile());
        List<String> expressions = new java.util.ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        return expressions;
    }
}
