package com.skylinksync.gateway.singlesync;

import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.gateway.web.Problem;
import com.skylinksync.gateway.web.ProblemException;
import com.skylinksync.schemas.EntityKey;
import com.skylinksync.schemas.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends an inline sync to the service that owns its type ({@code POST /sync/{type}/{id}} there), to the pod that owns
 * the entity's partition of its real-time topic (from Kafka's description of the service's consumer group), so it
 * runs in that pod's lane for the key, after whatever the consumer holds for it. The caller's operator credential is
 * passed on: the services accept the same tokens. The service's answer (the entity's status after the run) is the
 * answer, with the change set that records it.
 */
@Component
class InlineSyncs {

    private static final Logger log = LoggerFactory.getLogger(InlineSyncs.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

    private final SyncServicesProperties services;
    private final GatewayProperties gateway;
    private final Map<String, Object> kafka;
    private final WebClient http;

    InlineSyncs(SyncServicesProperties services, GatewayProperties gateway, KafkaAdmin admin) {
        this.services = services;
        this.gateway = gateway;
        this.kafka = Map.copyOf(admin.getConfigurationProperties());
        this.http = WebClient.create();
    }

    Mono<Map<String, Object>> sync(SyncType type, String id, String changeSetId, String authorization) {
        SyncServicesProperties.Service service = switch (type.owner) {
            case CUSTOMER -> services.customer();
            case CATALOG -> services.catalog();
            case FULFILLMENT -> services.fulfillment();
        };
        if (service == null || service.baseUrl() == null) {
            return Mono.error(ProblemException.unavailable("No " + type.owner.name().toLowerCase() + " sync service is configured for inline"
                    + " syncs (skylink.gateway.sync-services." + type.owner.name().toLowerCase() + ".base-url); use --queue", Duration.ofSeconds(60)));
        }
        String key = EntityKey.of(type.attributeCode(id), type.entityId(id));
        String path = "/sync/" + type.entityType.name().toLowerCase().replace('_', '-') + "/" + key;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", gateway.clientId().toString());
        body.put("salesChannelId", gateway.salesChannels().getFirst());
        body.put("changeSetId", changeSetId);
        body.put("traceId", UUID.randomUUID().toString());
        return Mono.fromCallable(() -> target(service, Topics.forEntityType(type.entityType), key))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(base -> http.post().uri(base + path + "?timeout={timeout}", services.timeout().toString())
                        .header(HttpHeaders.AUTHORIZATION, authorization)
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                        .bodyValue(body)
                        .retrieve()
                        .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                        .timeout(services.timeout().plusSeconds(10)))
                .map(answer -> {
                    Map<String, Object> outcome = new LinkedHashMap<>(answer);
                    outcome.put("changeSetId", changeSetId);
                    return outcome;
                })
                .onErrorMap(WebClientResponseException.class, refused -> refused(refused, type))
                .onErrorMap(e -> e instanceof WebClientRequestException || e instanceof java.util.concurrent.TimeoutException,
                        e -> ProblemException.unavailable("The " + type.owner.name().toLowerCase() + " sync service did not answer: "
                                + e.getClass().getSimpleName(), Duration.ofSeconds(10)));
    }

    /** The pod owning the key's partition, or the service's address when that cannot be told (no members, or off). */
    private URI target(SyncServicesProperties.Service service, String topic, String key) {
        URI base = service.baseUrl();
        if (!service.routeToOwner() || service.group() == null) {
            return base;
        }
        try (Admin admin = Admin.create(kafka)) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            // The default partitioner's choice for a keyed record: what the gateway's relay used when it published.
            TopicPartition owned = new TopicPartition(topic,
                    Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions);
            Optional<MemberDescription> owner = admin.describeConsumerGroups(List.of(service.group())).all()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(service.group()).members().stream()
                    .filter(member -> member.assignment().topicPartitions().contains(owned)).findFirst();
            if (owner.isEmpty()) {
                return base;
            }
            String host = owner.get().host().startsWith("/") ? owner.get().host().substring(1) : owner.get().host();
            int port = service.podPort() != null ? service.podPort() : base.getPort();
            return new URI(base.getScheme(), null, host.contains(":") ? "[" + host + "]" : host, port, base.getPath(), null, null);
        } catch (Exception unknown) {
            log.debug("Could not tell which pod of {} owns {}: calling {}", service.group(), key, base, unknown);
            return base;
        }
    }

    private static ProblemException refused(WebClientResponseException refused, SyncType type) {
        String detail;
        try {
            Map<?, ?> problem = refused.getResponseBodyAs(Map.class);
            detail = problem != null && problem.get("detail") != null ? String.valueOf(problem.get("detail")) : refused.getStatusText();
        } catch (RuntimeException unreadable) {
            detail = refused.getStatusText();
        }
        int status = refused.getStatusCode().value();
        if (status == 409) {
            return new ProblemException(Problem.of("service-paused", "Conflict", 409, detail));
        }
        if (status == 401 || status == 403) {
            return new ProblemException(Problem.of("service-refused-credential", "Bad Gateway", 502,
                    "The " + type.owner.name().toLowerCase() + " sync service refused the operator credential: configure it with the"
                            + " gateway's operator tokens (SKYLINK_OPERATOR_TOKENS)"));
        }
        return new ProblemException(Problem.of("service-refused", status >= 500 ? "Bad Gateway" : "Unprocessable Content",
                status >= 500 ? 502 : 422, detail));
    }
}
