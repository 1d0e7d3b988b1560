package com.skylinksync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.EntityType;
import com.skylinksync.schemas.avro.Origin;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** What a group's run happens in: the trace its first record carries, and the logging context of the sync. */
class SyncScopeTest {

    private final List<String> traceParents = new ArrayList<>();
    private final List<String> contextualNames = new ArrayList<>();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final SyncScope scope = new SyncScope(observations, "customer-sync-service");

    SyncScopeTest() {
        // Reads the carrier as the tracing handler does (micrometer-tracing's propagating receiver handler).
        observations.observationConfig().observationHandler(new ObservationHandler<ReceiverContext<Object>>() {
            @Override
            @SuppressWarnings("unchecked")
            public void onStart(ReceiverContext<Object> context) {
                traceParents.add(context.getGetter().get(context.getCarrier(), "traceparent"));
                contextualNames.add(context.getContextualName());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof ReceiverContext;
            }
        });
    }

    @Test
    void aRunContinuesTheTraceInItsFirstRecordsHeadersAndLogsWithTheSyncsIds() {
        Received first = received("300000", "cs-1", "4bf92f3577b34da6a3ce929d0e0e4736",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        Received second = received("300001", "cs-2", "0af7651916cd43dd8448eb211c80319c", null);

        Map<String, String> logged = scope.around("CUSTOMER", List.of(first, second), MDC::getCopyOfContextMap);

        assertThat(traceParents).containsExactly("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(contextualNames).containsExactly("sync customer");
        assertThat(logged).containsEntry("skylink.service", "customer-sync-service")
                .containsEntry("skylink.changeSetId", "cs-1,cs-2")
                .containsEntry("skylink.entityType", "CUSTOMER")
                .containsEntry("skylink.entityId", "300000,300001");
        assertThat(MDC.getCopyOfContextMap()).as("the logging context after the run").isNullOrEmpty();
    }

    @Test
    void aRecordWithoutTraceHeadersContinuesItsEventsTraceIdSoLogsAndHistoryAgree() {
        scope.around("CUSTOMER", List.of(received("300000", "cs-1", "4bf92f35-77b3-4da6-a3ce-929d0e0e4736", null)), () -> 1);
        scope.around("CUSTOMER", List.of(received("300000", null, "test", null)), () -> 1);

        assertThat(traceParents.getFirst()).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01");
        assertThat(traceParents.get(1)).as("no trace id to continue: a trace of its own").isNull();
    }

    private static Received received(String entityId, String changeSet, String traceId, String traceParent) {
        EntityChanged event = EntityChanged.newBuilder().setChangeSetId(changeSet).setOrigin(Origin.EDS)
                .setClientId("client").setSalesChannelId(1).setEntityType(EntityType.CUSTOMER).setEntityId(entityId)
                .setAttributeCode(null).setObservedAt(Instant.now()).setTraceId(traceId).build();
        var record = new ConsumerRecord<String, Object>("skylink.re.customers", 0, 0, entityId, event);
        if (traceParent != null) {
            record.headers().add("traceparent", traceParent.getBytes(StandardCharsets.UTF_8));
        }
        return new Received(record, Instant.now());
    }
}
