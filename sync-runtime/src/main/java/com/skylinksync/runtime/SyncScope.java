package com.skylinksync.runtime;

import com.skylinksync.schemas.TraceIds;
import com.skylinksync.schemas.avro.EntityChanged;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;

/**
 * What a run of entity syncs happens in, for whoever reads logs and traces: one observation (a span) per group that
 * continues the trace of the group's first event — from the {@code traceparent} its Kafka record carries, which the
 * gateway's outbox relay and the change sources set — so the connector's RE and Magento calls are its children; and
 * the logging context (MDC) every line logged meanwhile carries: service, change set ids, entity type and ids (the
 * trace and span ids come from the tracer). The runtime polls Kafka itself, so spring-kafka's listener observation
 * does not apply: the trace context is taken from the record's headers here.
 *
 * <p>One RE call may serve several change sets (a batch): the span sits in the first one's trace and names the
 * others' change set ids; each entity's own log lines name its change set.
 */
final class SyncScope {

    /** Logging-context keys (nested under {@code skylink} in ECS JSON lines). */
    static final String SERVICE = "skylink.service";
    static final String CHANGE_SET = "skylink.changeSetId";
    static final String ENTITY_TYPE = "skylink.entityType";
    static final String ENTITY_ID = "skylink.entityId";

    private static final String TRACEPARENT = "traceparent";
    private static final int MAX_IDS_LISTED = 50;

    private final ObservationRegistry observations;
    private final String service;

    SyncScope(ObservationRegistry observations, String service) {
        this.observations = observations;
        this.service = service;
    }

    /** Runs {@code run} for one group of {@code type} whose newest events are {@code events}, traced and logged as theirs. */
    <T> T around(String type, List<Received> events, Supplier<T> run) {
        Received first = events.getFirst();
        var context = new ReceiverContext<Received>(SyncScope::header);
        context.setCarrier(first);
        context.setRemoteServiceName("kafka");
        String changeSets = listed(events.stream().map(r -> String.valueOf(r.event().getChangeSetId())).toList());
        String entities = listed(events.stream().map(r -> r.event().getEntityId()).toList());
        Observation observation = Observation.createNotStarted("skylink.sync.group", () -> context, observations)
                .contextualName("sync " + type.toLowerCase(Locale.ROOT))
                .lowCardinalityKeyValue("skylink.service", service)
                .lowCardinalityKeyValue("skylink.entity.type", type)
                .highCardinalityKeyValue("skylink.change.set.ids", changeSets)
                .highCardinalityKeyValue("skylink.entity.ids", entities)
                .highCardinalityKeyValue("skylink.entities", Integer.toString(events.size()));
        try (var s = MDC.putCloseable(SERVICE, service);
             var c = MDC.putCloseable(CHANGE_SET, changeSets);
             var t = MDC.putCloseable(ENTITY_TYPE, type);
             var e = MDC.putCloseable(ENTITY_ID, entities)) {
            return observation.observe(run);
        }
    }

    /** Narrows the logging context to one entity of the group while its outcome is handled (and logged). */
    static void entity(EntityChanged event) {
        MDC.put(CHANGE_SET, String.valueOf(event.getChangeSetId()));
        MDC.put(ENTITY_ID, event.getEntityId());
    }

    private static String listed(List<String> values) {
        Set<String> distinct = new LinkedHashSet<>(values);
        if (distinct.size() <= MAX_IDS_LISTED) {
            return String.join(",", distinct);
        }
        return String.join(",", distinct.stream().limit(MAX_IDS_LISTED).toList()) + ",… (" + distinct.size() + ")";
    }

    /**
     * A header of the record; for {@code traceparent} on a record without one (published by a tool, or before
     * traces were propagated), one made from the event's own trace id, so the sync still joins the trace operators
     * see in the entity's history.
     */
    private static String header(Received received, String key) {
        Header header = received.record().headers().lastHeader(key);
        if (header != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        if (!TRACEPARENT.equals(key)) {
            return null;
        }
        String traceId = TraceIds.w3c(received.event().getTraceId());
        if (traceId == null) {
            return null;
        }
        // The parent span is not known: a fresh id stands in for it (the span shows as a root within the trace).
        long spanId = ThreadLocalRandom.current().nextLong() | 1L;
        return "00-" + traceId + "-" + String.format("%016x", spanId) + "-01";
    }
}
