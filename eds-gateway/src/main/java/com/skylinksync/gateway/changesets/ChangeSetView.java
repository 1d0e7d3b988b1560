package com.skylinksync.gateway.changesets;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A change set as the status API shows it.
 *
 * @param changeSetId                   the change set
 * @param idDerived                     whether the gateway derived the id (RE sent none)
 * @param clientId                      RE client
 * @param salesChannelId                RE sales channel
 * @param traceId                       the trace id of its events, logs and spans (W3C: 32 hex digits)
 * @param status                        OPEN, ACKNOWLEDGING, ACKNOWLEDGED, ACKNOWLEDGED_WITH_FAILURES or ACKNOWLEDGEMENT_PARKED
 *                                      (some entity dead-lettered or parked)
 * @param receivedAt                    when the gateway received it
 * @param acknowledgedAt                when RE was told it is processed; null until then
 * @param receiptToAcknowledgementMillis time from receipt to RE's acknowledgement; null until acknowledged
 * @param ackAttempts                   calls made to RE's ChangeSetProcessed so far
 * @param ackError                      why the last acknowledgement attempt failed, if it did
 * @param outcomes                      how many of its entities have each outcome (all entities, whatever the page)
 * @param bulk                          its bulk entities' enumerations (SalesChannel, BulkCustomer)
 * @param entityPage                    which page of entities {@code entities} is (0-based)
 * @param entityPageSize                entities per page
 * @param entityTotal                   entities in all (named by RE, and enumerated for bulk entities)
 * @param entities                      one page of its entities and their outcomes
 */
record ChangeSetView(String changeSetId, boolean idDerived, UUID clientId, int salesChannelId, String traceId, String status,
                     Instant receivedAt, Instant acknowledgedAt, Long receiptToAcknowledgementMillis, int ackAttempts,
                     String ackError, Map<String, Long> outcomes, List<BulkView> bulk, int entityPage, int entityPageSize,
                     long entityTotal, List<EntityView> entities) {

    /**
     * One entity of a change set.
     *
     * @param type          the EDS Type as RE sent it (for enumerated entities, Product or Customer)
     * @param entityId      RE id
     * @param origin        EDS (named by RE) or BULK (enumerated for a bulk entity of the change set)
     * @param attributeCode for attribute options, the attribute
     * @param outcome       PENDING, SYNCED, UNCHANGED, FAILED, DEAD_LETTERED, PARKED, UNSUPPORTED, IGNORED or EXPANDED
     * @param attempts      sync attempts reported
     * @param errorCode     error code of the last failure
     * @param error         error message of the last failure
     * @param service       the service that reported the outcome
     * @param finishedAt    when the reported outcome was reached
     * @param receiptToOutcomeMillis time from the change set's receipt to this outcome; null while none is reported
     */
    record EntityView(String type, String entityId, String origin, String attributeCode, String outcome, int attempts,
                      String errorCode, String error, String service, Instant finishedAt, Long receiptToOutcomeMillis) {
    }

    /**
     * The enumeration of one bulk entity.
     *
     * @param type       SalesChannel or BulkCustomer
     * @param entityId   the bulk entity's id (the channel for SalesChannel)
     * @param status     PENDING, DONE or FAILED
     * @param attempts   enumerations tried
     * @param enumerated ids RE listed; null until done
     * @param error      why the last attempt failed, if it did
     * @param finishedAt when it was done or given up on
     */
    record BulkView(String type, String entityId, String status, int attempts, Integer enumerated, String error,
                    Instant finishedAt) {
    }
}
