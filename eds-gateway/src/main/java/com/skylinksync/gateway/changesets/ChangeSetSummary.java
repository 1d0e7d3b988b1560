package com.skylinksync.gateway.changesets;

import java.time.Instant;
import java.util.List;

/**
 * One change set in a listing: {@code GET /changesets}.
 *
 * @param changeSetId                    the change set
 * @param status                         OPEN, ACKNOWLEDGING, ACKNOWLEDGED, ACKNOWLEDGED_WITH_FAILURES or ACKNOWLEDGEMENT_PARKED
 *                                      (some entity dead-lettered or parked)
 * @param salesChannelId                 RE sales channel
 * @param entityCount                    entities RE named (bulk entities count once, not by what they enumerate)
 * @param receivedAt                     when the gateway received it
 * @param acknowledgedAt                 when RE was told it is processed; null until then
 * @param receiptToAcknowledgementMillis time from receipt to acknowledgement; null until acknowledged
 * @param ackAttempts                    calls made to RE's ChangeSetProcessed so far
 * @param ackError                       why the last acknowledgement attempt failed, if it did
 */
record ChangeSetSummary(String changeSetId, String status, int salesChannelId, int entityCount, Instant receivedAt,
                        Instant acknowledgedAt, Long receiptToAcknowledgementMillis, int ackAttempts, String ackError) {

    /**
     * A page of change sets, newest first.
     *
     * @param items change sets on this page
     * @param page  this page (0-based)
     * @param size  page size asked for
     * @param total change sets matching the filter, on all pages
     */
    record Page(List<ChangeSetSummary> items, int page, int size, long total) {
    }
}
