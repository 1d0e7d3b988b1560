package com.skylinksync.runtime;

import com.skylinksync.schemas.avro.EntityChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;

/**
 * Consumes the service's entity topic and runs its {@link EntitySyncer} for each event. Failures propagate to
 * the container's error handler ({@link SyncRuntimeAutoConfiguration#syncErrorHandler}), which retries or
 * dead-letters them; successes are reported here before the offset is committed.
 */
final class EntityChangedListener {

    private static final Logger log = LoggerFactory.getLogger(EntityChangedListener.class);

    private final EntitySyncer syncer;
    private final CompletionReporter completions;

    EntityChangedListener(EntitySyncer syncer, CompletionReporter completions) {
        this.syncer = syncer;
        this.completions = completions;
    }

    @KafkaListener(id = "${skylink.sync.service}", topics = "${skylink.sync.topic}",
            concurrency = "${skylink.sync.concurrency:3}")
    void onEntityChanged(ConsumerRecord<String, Object> record,
                         @Header(name = KafkaHeaders.DELIVERY_ATTEMPT, required = false) Integer deliveryAttempt) {
        if (!(record.value() instanceof EntityChanged event)) {
            throw new PermanentSyncException("WRONG_EVENT_TYPE", "Expected EntityChanged on " + record.topic()
                    + " but got " + (record.value() == null ? "an empty value" : record.value().getClass().getSimpleName()));
        }
        try (var ignoredTrace = MDC.putCloseable("traceId", event.getTraceId());
             var ignoredChangeSet = MDC.putCloseable("changeSetId", String.valueOf(event.getChangeSetId()));
             var ignoredEntity = MDC.putCloseable("entity", event.getEntityType() + ":" + event.getEntityId())) {
            SyncResult result = syncer.sync(event);
            log.info("{} {} {}", event.getEntityType(), event.getEntityId(), result.outcome());
            completions.succeeded(event, result, deliveryAttempt == null ? 1 : deliveryAttempt);
        }
    }
}
