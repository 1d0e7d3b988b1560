package com.skylinksync.gateway.changesets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change set as the status API shows it.
 *
 * @param changeSetId     the change set
 * @param idDerived       whether the gateway derived the id (RE sent none)
 * @param clientId        RE client
 * @param salesChannelId  RE sales channel
 * @param traceId         the trace id of its events and logs
 * @param status          OPEN, ACKNOWLEDGING, ACKNOWLEDGED or ACKNOWLEDGED_WITH_FAILURES
 * @param receivedAt      when the gateway received it
 * @param acknowledgedAt  when RE was told it is processed; null until then
 * @param ackAttempts     calls made to RE's ChangeSetProcessed so far
 * @param ackError        why the last acknowledgement attempt failed, if it did
 * @param entities        its entities and their outcomes
 */
record ChangeSetView(String changeSetId, boolean idDerived, UUID clientId, int salesChannelId, UUID traceId, String status,
                     Instant receivedAt, Instant acknowledgedAt, int ackAttempts, String ackError, List<EntityView> entities) {

    /**
     * One entity of a change set.
     *
     * @param type          the EDS Type as RE sent it
     * @param entityId      RE id
     * @param attributeCode for attribute options, the attribute
     * @param outcome       PENDING, SYNCED, UNCHANGED, FAILED, DEAD_LETTERED, UNSUPPORTED or IGNORED
     * @param attempts      sync attempts reported
     * @param errorCode     error code of the last failure
     * @param error         error message of the last failure
     * @param service       the sync service that reported
     * @param finishedAt    when the reported outcome was reached
     */
    record EntityView(String type, String entityId, String attributeCode, String outcome, int attempts, String errorCode,
                      String error, String service, Instant finishedAt) {
    }
}
