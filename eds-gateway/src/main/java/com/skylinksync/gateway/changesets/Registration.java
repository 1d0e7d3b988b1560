package com.skylinksync.gateway.changesets;

import com.skylinksync.gateway.outbox.Publication;
import java.util.UUID;

/**
 * The result of registering one change set.
 *
 * @param changeSetId the change set
 * @param created     true if this request registered it, false if it was already registered (a repeat)
 * @param entities    how many distinct entities the registered change set holds
 * @param traceId     the trace id its events carry
 * @param events      how many events this registration put in the outbox (0 for a repeat)
 * @param expansions  how many bulk entities this registration queued for enumeration (0 for a repeat)
 * @param publication its events as written to the outbox, for a caller that publishes them itself; null when there
 *                    are none (a repeat, or nothing to sync)
 */
public record Registration(String changeSetId, boolean created, int entities, UUID traceId, int events, int expansions,
                           Publication publication) {
}
