package com.skylinksync.deploy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of KEDA's {@code keda.sh/v1alpha1} ScaledObject and TriggerAuthentication that deploy/ may use, written
 * from KEDA's CRD (config/crd/bases of kedacore/keda, 2.x) and its Kafka scaler's documented parameters. Maven Central
 * has no KEDA model; read with unknown properties failing, these records are the schema the manifests are held to.
 */
final class KedaModel {

    private KedaModel() {
    }

    record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, ScaledObjectSpec spec) {
    }

    record ScaledObjectSpec(ScaleTarget scaleTargetRef, Integer pollingInterval, Integer cooldownPeriod,
                            Integer initialCooldownPeriod, Integer idleReplicaCount, Integer minReplicaCount,
                            Integer maxReplicaCount, Fallback fallback, Advanced advanced, List<Trigger> triggers) {
    }

    record ScaleTarget(String apiVersion, String kind, String name, String envSourceContainerName) {
    }

    record Fallback(int failureThreshold, int replicas, String behavior) {
    }

    record Advanced(Boolean restoreToOriginalReplicaCount, HorizontalPodAutoscalerConfig horizontalPodAutoscalerConfig) {
    }

    record HorizontalPodAutoscalerConfig(String name, HorizontalPodAutoscalerBehavior behavior) {
    }

    record Trigger(String type, String name, Map<String, String> metadata, AuthenticationRef authenticationRef,
                   String metricType, Boolean useCachedMetrics) {
    }

    record AuthenticationRef(String name, String kind) {
    }

    record TriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata, TriggerAuthenticationSpec spec) {
    }

    record TriggerAuthenticationSpec(List<SecretTargetRef> secretTargetRef, List<EnvRef> env) {
    }

    record SecretTargetRef(String parameter, String name, String key) {
    }

    record EnvRef(String parameter, String name, String containerName) {
    }

    /** The Kafka scaler's trigger metadata (KEDA docs, "Apache Kafka" scaler, 2.x). */
    static final Set<String> KAFKA_METADATA = Set.of("bootstrapServers", "consumerGroup", "topic", "lagThreshold",
            "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers", "excludePersistentLag",
            "limitToPartitionsWithLag", "scaleToZeroOnInvalidOffset", "version", "partitionLimitation", "sasl", "tls",
            "ensureEvenDistributionOfPartitions", "unsafeSsl");
    /** Its authentication parameters (TriggerAuthentication). */
    static final Set<String> KAFKA_AUTH_PARAMETERS = Set.of("sasl", "username", "password", "tls", "ca", "cert", "key",
            "keyPassword", "oauthTokenEndpointUri", "scopes");
}
