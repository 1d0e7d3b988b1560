package com.skylinksync.gateway.bulk;

import java.util.UUID;

/**
 * A bulk entity of a change set, claimed by this replica for enumeration.
 *
 * @param changeSetId    the change set the enumerated entities join
 * @param edsType        a {@link BulkKind}'s EDS type: {@code SalesChannel}, {@code BulkCustomer}, {@code AllAttributes}, ...
 * @param entityId       the bulk entity's id: the channel for {@code SalesChannel} and {@code ChannelOutlets}, meaningless otherwise
 * @param attempts       enumerations tried so far, this one included
 * @param clientId       RE client of the change set
 * @param salesChannelId sales channel of the change set
 * @param traceId        trace id of the change set, carried by the enumerated entities' events too
 * @param since          for an operator's run with {@code --since}: entities synced (or found unchanged) at or after it
 *                       are left out; null for all
 */
record BulkRequest(String changeSetId, String edsType, String entityId, int attempts, UUID clientId, int salesChannelId,
                   UUID traceId, java.time.Instant since) {

    @Override
    public String toString() {
        return edsType + " " + entityId + " of change set " + changeSetId;
    }
}
