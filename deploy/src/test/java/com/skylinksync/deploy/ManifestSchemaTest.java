package com.skylinksync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every object an overlay renders is read into the model class of the apiVersion/kind it claims: fabric8's
 * Kubernetes and Prometheus-Operator models, Strimzi's {@code io.strimzi:api}, and {@link KedaModel}. A field of the
 * wrong type fails to read; a field the schema does not have fails too (fabric8 and Strimzi keep unknown fields in
 * {@code additionalProperties}, which must stay empty everywhere; the KEDA records refuse them outright).
 */
class ManifestSchemaTest {

    private record Kind(String apiVersion, String kind) {
    }

    private static final Map<Kind, Class<?>> MODELS = Map.ofEntries(
            Map.entry(new Kind("v1", "ConfigMap"), ConfigMap.class),
            Map.entry(new Kind("v1", "Service"), Service.class),
            Map.entry(new Kind("apps/v1", "Deployment"), Deployment.class),
            Map.entry(new Kind("apps/v1", "StatefulSet"), StatefulSet.class),
            Map.entry(new Kind("batch/v1", "CronJob"), CronJob.class),
            Map.entry(new Kind("networking.k8s.io/v1", "Ingress"), Ingress.class),
            Map.entry(new Kind("networking.k8s.io/v1", "NetworkPolicy"), NetworkPolicy.class),
            Map.entry(new Kind("policy/v1", "PodDisruptionBudget"), PodDisruptionBudget.class),
            Map.entry(new Kind("autoscaling/v2", "HorizontalPodAutoscaler"), HorizontalPodAutoscaler.class),
            Map.entry(new Kind("kafka.strimzi.io/v1beta2", "Kafka"), Kafka.class),
            Map.entry(new Kind("kafka.strimzi.io/v1beta2", "KafkaNodePool"), KafkaNodePool.class),
            Map.entry(new Kind("kafka.strimzi.io/v1beta2", "KafkaTopic"), KafkaTopic.class),
            Map.entry(new Kind("kafka.strimzi.io/v1beta2", "KafkaUser"), KafkaUser.class),
            Map.entry(new Kind("monitoring.coreos.com/v1", "ServiceMonitor"), ServiceMonitor.class),
            Map.entry(new Kind("monitoring.coreos.com/v1", "PrometheusRule"), PrometheusRule.class),
            Map.entry(new Kind("keda.sh/v1alpha1", "ScaledObject"), KedaModel.ScaledObject.class),
            Map.entry(new Kind("keda.sh/v1alpha1", "TriggerAuthentication"), KedaModel.TriggerAuthentication.class));

    private final ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void everyRenderedObjectReadsIntoTheModelOfItsKindWithNoUnknownField(String kustomization) throws Exception {
        List<String> problems = new ArrayList<>();
        List<JsonNode> objects = RenderedManifests.of(kustomization);
        assertThat(objects).isNotEmpty();
        for (JsonNode object : objects) {
            Kind kind = new Kind(object.path("apiVersion").asText(), object.path("kind").asText());
            String where = kind.kind() + " " + object.path("metadata").path("name").asText();
            Class<?> model = MODELS.get(kind);
            if (model == null) {
                problems.add(where + ": no model for " + kind + " (add it to ManifestSchemaTest.MODELS)");
                continue;
            }
            try {
                Object read = strict.treeToValue(object, model);
                unknownFields(read, where, problems);
            } catch (Exception e) {
                problems.add(where + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        assertThat(problems).as("objects of %s that do not fit their schema", kustomization).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void kedaTriggersUseOnlyTheKafkaScalersParameters(String kustomization) throws Exception {
        for (JsonNode node : RenderedManifests.ofKind(kustomization, "ScaledObject")) {
            var scaled = strict.treeToValue(node, KedaModel.ScaledObject.class);
            assertThat(scaled.spec().scaleTargetRef().name()).isNotBlank();
            assertThat(scaled.spec().triggers()).isNotEmpty().allSatisfy(trigger -> {
                assertThat(trigger.type()).isEqualTo("kafka");
                assertThat(KedaModel.KAFKA_METADATA).containsAll(trigger.metadata().keySet());
                assertThat(trigger.metadata()).containsKeys("bootstrapServers", "consumerGroup", "lagThreshold");
                assertThat(Long.parseLong(trigger.metadata().get("lagThreshold"))).isPositive();
            });
        }
        for (JsonNode node : RenderedManifests.ofKind(kustomization, "TriggerAuthentication")) {
            var auth = strict.treeToValue(node, KedaModel.TriggerAuthentication.class);
            assertThat(auth.spec().secretTargetRef()).isNotEmpty()
                    .allSatisfy(ref -> assertThat(KedaModel.KAFKA_AUTH_PARAMETERS).contains(ref.parameter()));
        }
    }

    /** Walks the model object graph: any non-empty additionalProperties is a field the schema does not have. */
    private static void unknownFields(Object value, String path, List<String> problems) throws Exception {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                unknownFields(entry.getValue(), path + "." + entry.getKey(), problems);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi") && !pkg.startsWith("com.skylinksync")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || getter.getReturnType().isPrimitive()) {
                continue;
            }
            boolean recordAccessor = value.getClass().isRecord() && !getter.getName().startsWith("get");
            if (!getter.getName().startsWith("get") && !recordAccessor) {
                continue;
            }
            Object child = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            unknownFields(child, path + "." + fieldName(getter.getName()), problems);
        }
    }

    private static String fieldName(String getter) {
        if (!getter.startsWith("get") || getter.length() == 3) {
            return getter;
        }
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }
}
