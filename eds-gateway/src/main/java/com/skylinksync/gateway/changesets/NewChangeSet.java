package com.skylinksync.gateway.changesets;

import com.skylinksync.schemas.avro.Origin;
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
 * @param origin         the origin its entities' events carry: EDS for what RE sent, SINGLE for an operator's single sync
 */
public record NewChangeSet(String id, boolean idDerived, UUID clientId, int salesChannelId, List<ChangeSetEntity> entities,
                           Origin origin) {

    public NewChangeSet {
        entities = List.copyOf(entities);
    }

    /** A change set RE sent. */
    public NewChangeSet(String id, boolean idDerived, UUID clientId, int salesChannelId, List<ChangeSetEntity> entities) {
        this(id, idDerived, clientId, salesChannelId, entities, Origin.EDS);
    }
}
