package com.skylinksync.sandbox.retailexpress;

import java.util.List;

/**
 * An EDS change set the simulator emitted after an entity changed, and what the gateway answered.
 *
 * @param changeSetId the {@code ChangesetId} sent
 * @param type        the EDS entity type, e.g. {@code Customer}, {@code Product}, {@code Order}
 * @param ids         the entity ids ({@code 16-00000001} style strings for orders)
 * @param status      the gateway's HTTP status; 0 when it could not be reached or no gateway is configured
 */
public record ChangeSet(String changeSetId, String type, List<String> ids, int status) {

    public ChangeSet {
        ids = List.copyOf(ids);
    }
}
