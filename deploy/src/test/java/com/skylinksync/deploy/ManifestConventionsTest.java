package com.skylinksync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.skylinksync.schemas.TopicCatalog;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every overlay must hold beyond its schema: probes, graceful stops, no secrets, non-root, bounded scaling. */
class ManifestConventionsTest {

    private static final List<String> SERVICES = List.of("eds-gateway", "customer-sync-service", "catalog-sync-service",
            "fulfillment-sync-service");
    /** skylink.sync.shutdown-grace as the base sets it (SKYLINK_SYNC_SHUTDOWNGRACE) plus the preStop pause. */
    private static final int SHUTDOWN_GRACE_SECONDS = 20;

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void everyServiceRunsNonRootWithBootsProbesAndAGracePeriodLongerThanItsShutdown(String overlay) {
        assertThat(RenderedManifests.ofKind(overlay, "Deployment")).extracting(d -> d.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(RenderedManifests.named(overlay, "ConfigMap", "skylink-common").path("data")
                .path("SKYLINK_SYNC_SHUTDOWNGRACE").asText()).isEqualTo(SHUTDOWN_GRACE_SECONDS + "s");
        for (String service : SERVICES) {
            JsonNode pod = RenderedManifests.named(overlay, "Deployment", service).path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(service).isTrue();
            assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).as(service).isFalse();
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/actuator/health/liveness");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/actuator/health/readiness");
            int preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asInt();
            assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as(service)
                    .isGreaterThan(preStop + SHUTDOWN_GRACE_SECONDS + 10);
            assertThat(container.path("resources").path("limits").path("memory").asText()).as(service).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void noSecretIsContainedOnlyReferenced(String kustomization) {
        assertThat(RenderedManifests.ofKind(kustomization, "Secret")).isEmpty();
        for (JsonNode object : RenderedManifests.of(kustomization)) {
            assertThat(object.toString().toLowerCase())
                    .as("%s %s", object.path("kind").asText(), object.path("metadata").path("name").asText())
                    .doesNotContainPattern("(password|token|apikey|api-key|secret)\"\\s*:\\s*\"[^\"$]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void onlyTheGatewayTakesTrafficFromOutsideTheNamespace(String overlay) {
        List<JsonNode> policies = RenderedManifests.ofKind(overlay, "NetworkPolicy");
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.path("spec").path("podSelector").isEmpty()).isTrue();
            assertThat(p.path("spec").path("ingress").isMissingNode() || p.path("spec").path("ingress").isEmpty()).isTrue();
        });
        for (JsonNode policy : policies) {
            String selected = policy.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                boolean fromIngressController = StreamSupport.stream(rule.path("from").spliterator(), false)
                        .anyMatch(peer -> peer.path("namespaceSelector").toString().contains("ingress-nginx"));
                if (fromIngressController) {
                    assertThat(selected).as(policy.path("metadata").path("name").asText()).isEqualTo("eds-gateway");
                }
                assertThat(rule.path("from")).as("%s admits no one from everywhere", policy.path("metadata").path("name"))
                        .isNotEmpty();
            }
        }
        assertThat(RenderedManifests.ofKind(overlay, "Ingress")).allSatisfy(ingress -> {
            assertThat(ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/whitelist-source-range")
                    .asText()).isNotBlank();
            ingress.path("spec").path("rules").forEach(r -> r.path("http").path("paths").forEach(p ->
                    assertThat(p.path("backend").path("service").path("name").asText()).isEqualTo("eds-gateway")));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production"})
    void productionSpreadsPodsKeepsOneUpInADrainAndScalesWithinThePartitions(String overlay) {
        for (String service : SERVICES) {
            JsonNode pod = RenderedManifests.named(overlay, "Deployment", service).path("spec").path("template").path("spec");
            assertThat(pod.path("topologySpreadConstraints")).as(service).hasSize(2);
            assertThat(pod.path("affinity").path("podAntiAffinity").isMissingNode()).as(service).isFalse();
            JsonNode budget = RenderedManifests.named(overlay, "PodDisruptionBudget", service);
            assertThat(budget.path("spec").path("minAvailable").asInt()).isEqualTo(1);
        }
        for (JsonNode scaled : RenderedManifests.ofKind(overlay, "ScaledObject")) {
            JsonNode spec = scaled.path("spec");
            assertThat(spec.path("maxReplicaCount").asInt()).isBetween(spec.path("minReplicaCount").asInt(),
                    TopicCatalog.DEFAULT_PARTITIONS);
            assertThat(spec.path("triggers").get(0).path("metadata").path("consumerGroup").asText())
                    .isEqualTo(spec.path("scaleTargetRef").path("name").asText());
            assertThat(spec.path("advanced").path("horizontalPodAutoscalerConfig").path("behavior").path("scaleDown")
                    .path("stabilizationWindowSeconds").asInt()).as("no flapping").isGreaterThanOrEqualTo(300);
        }
        assertThat(RenderedManifests.ofKind(overlay, "ScaledObject")).extracting(s -> s.path("metadata").path("name").asText())
                .containsExactlyInAnyOrder("customer-sync-service", "catalog-sync-service", "fulfillment-sync-service");
        assertThat(RenderedManifests.named(overlay, "HorizontalPodAutoscaler", "eds-gateway").path("spec")
                .path("metrics").get(0).path("resource").path("name").asText()).isEqualTo("cpu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void theCliJobsRunSkylinkWithTheOperatorTokenFromASecret(String overlay) {
        for (String name : List.of("skylink-bulk-resync", "skylink-replay")) {
            JsonNode cronJob = RenderedManifests.named(overlay, "CronJob", name);
            assertThat(cronJob.path("spec").path("suspend").asBoolean()).as("%s is a template, started by hand", name).isTrue();
            JsonNode container = cronJob.path("spec").path("jobTemplate").path("spec").path("template").path("spec")
                    .path("containers").get(0);
            assertThat(container.path("image").asText()).contains("ops-cli");
            assertThat(container.path("args").get(0).asText()).isIn("bulk", "replay");
            assertThat(container.path("env").toString()).contains("\"SKYLINK_TOKEN\"").contains("secretKeyRef");
        }
    }
}
