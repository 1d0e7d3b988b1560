package com.skylinksync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.skylinksync.sandbox.stack.LocalStack;
import com.skylinksync.sandbox.stack.StackPorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric a dashboard panel or an alert rule queries is one the services really export: the local stack (real
 * broker, PostgreSQL, simulators, the gateway and the three sync services) takes a customer and a product change set
 * through to their acknowledgements, then each service's {@code /actuator/prometheus} is scraped and the names
 * compared. The only names allowed from elsewhere are kube-state-metrics' (the "no ready pods" alert), which
 * kube-prometheus-stack brings into every cluster.
 */
class MetricNamesTest {

    /** From kube-state-metrics, not from SkyLink: a Deployment's desired and ready replicas. */
    private static final Set<String> FROM_KUBE_STATE_METRICS = Set.of("kube_deployment_spec_replicas",
            "kube_deployment_status_replicas_ready");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private static LocalStack stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(StackPorts.anyFree());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyMetricADashboardOrAlertUsesIsInAScrapeOfTheRunningStack() throws Exception {
        Set<String> used = usedMetricNames();
        assertThat(used).contains("skylink_kafka_consumer_lag", "skylink_sync_outcomes_total", "skylink_re_calls_seconds_bucket");

        String customers = "5b0e6f0a-6a9e-4d0b-9a55-1f1f7a3c2e01";
        String products = "5b0e6f0a-6a9e-4d0b-9a55-1f1f7a3c2e02";
        notify(customers, "Customer", "300000");
        notify(products, "Product", "124005");
        await().atMost(DEADLINE).until(() -> stack.retailExpress().processedChangeSets().containsAll(List.of(customers, products)));

        // Gauges sampled on an interval (lag, budget windows) appear within one interval; wait for them, then compare.
        await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> exported = scrapeAll();
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(exported);
            missing.removeAll(FROM_KUBE_STATE_METRICS);
            assertThat(missing).as("metrics used by deploy/'s dashboards and alerts that no service exports").isEmpty();
        });
    }

    @Test
    void theMetricNameExtractionFindsMetricsAndSkipsFunctionsLabelsAndRecordingRules() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (type, le) (rate(skylink_sync_latency_seconds_bucket{outcome=~\"a|b\"}[5m])))"
                + " / ignoring(x) max(skylink:consumer_lag:group_topic) > 0.9 and on (pod) up_total offset 5m"))
                .containsExactlyInAnyOrder("skylink_sync_latency_seconds_bucket", "up_total");
    }

    /** Metric names in every panel query of the dashboards and every rule expression. */
    private Set<String> usedMetricNames() throws Exception {
        Set<String> names = new TreeSet<>();
        JsonNode dashboards = RenderedManifests.named("overlays/production", "ConfigMap", "skylink-dashboards").path("data");
        for (var file : dashboards.properties()) {
            for (JsonNode panel : json.readTree(file.getValue().asText()).path("panels")) {
                panel.path("targets").forEach(target -> names.addAll(metricNames(target.path("expr").asText())));
            }
        }
        for (JsonNode group : AlertRulesTest.rule().path("spec").path("groups")) {
            group.path("rules").forEach(rule -> names.addAll(metricNames(rule.path("expr").asText())));
        }
        return names;
    }

    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher token = IDENTIFIER.matcher(bare);
        while (token.find()) {
            String name = token.group();
            boolean function = bare.substring(token.end()).stripLeading().startsWith("(");
            boolean recordingRule = name.contains(":");
            boolean duration = token.start() > 0 && Character.isDigit(bare.charAt(token.start() - 1));
            if (!function && !recordingRule && !duration && !PROMQL_WORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private Set<String> scrapeAll() throws Exception {
        Set<String> names = new TreeSet<>();
        for (URI service : List.of(stack.gatewayUri(), stack.customerSyncUri(), stack.catalogSyncUri(), stack.fulfillmentSyncUri())) {
            // The local stack serves the gateway's actuator on its API port, where metrics need an operator credential.
            HttpRequest request = HttpRequest.newBuilder(service.resolve("/actuator/prometheus"))
                    .header("Authorization", "Bearer " + LocalStack.OPERATOR_TOKEN).GET().build();
            HttpResponse<String> scrape = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).as("scrape of %s", service).isEqualTo(200);
            scrape.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }

    private void notify(String changeSet, String type, String id) throws Exception {
        String body = "{\"Changesets\":[{\"ChangesetId\":\"%s\",\"UpdatedEntities\":[{\"Type\":\"%s\",\"List\":[%s]}]}]}"
                .formatted(changeSet, type, id);
        URI uri = stack.gatewayUri().resolve("/eds/notify?client_id=" + stack.clientId() + "&channel_id=" + LocalStack.SALES_CHANNEL);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("x-api-key", LocalStack.EDS_API_KEY)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }
}
