package com.skylinksync.gateway.quarantine;

import java.time.Instant;

/**
 * One dead letter or parked write as an operator sees it.
 *
 * @param id              {@code topic:partition:offset}: stable, names the record in the quarantine topic
 * @param topic           the quarantine topic ({@code skylink.re.customers.dlt}, ...)
 * @param sourceTopic     the topic the event was consumed from (spring-kafka's {@code kafka_dlt-original-topic})
 * @param key             the record key (the entity id)
 * @param entityType      the event's entity type; null when the event could not be read
 * @param entityId        the event's entity id
 * @param origin          the event's origin (EDS, BULK, ...)
 * @param changeSetId     the change set it belongs to, if any
 * @param traceId         the event's trace id
 * @param reason          why it was given up on (the exception message header)
 * @param exception       the exception class the runtime recorded
 * @param quarantinedAt   when it was quarantined (the record's timestamp)
 * @param handledAt       when an operator redrove (dead letter) or resolved (parked) it; null while open
 * @param handledNote     the operator's note on a resolution
 */
record QuarantinedRecord(String id, String topic, String sourceTopic, String key, String entityType, String entityId,
                         String origin, String changeSetId, String traceId, String reason, String exception,
                         Instant quarantinedAt, Instant handledAt, String handledNote) {

    QuarantinedRecord handled(Instant at, String note) {
        return new QuarantinedRecord(id, topic, sourceTopic, key, entityType, entityId, origin, changeSetId, traceId, reason,
                exception, quarantinedAt, at, note);
    }

    /** A list; {@code letGo}: older records the gateway's view no longer holds (past its bound), not in the list. */
    record Page(java.util.List<QuarantinedRecord> items, long total, long letGo) {
    }
}
