package com.skylinksync.gateway.changesets;

import java.util.List;
import java.util.UUID;

/**
 * A change set as received, validated and routed, not yet registered.
 *
 * @param id             RE's {@code ChangesetId}, or the id derived from the content when RE sent none
 * @param idDerived      whether {@code id} was derived
 * @param clientId       the RE client the notification came from
 * @param salesChannelId the RE sales channel it is for
 * @param entities       its distinct entities, in the order RE listed them
 */
public record NewChangeSet(String id, boolean idDerived, UUID clientId, int salesChannelId, List<ChangeSetEntity> entities) {

    public NewChangeSet {
        entities = List.copyOf(entities);
    }
}
