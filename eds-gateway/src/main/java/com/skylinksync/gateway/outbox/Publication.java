package com.skylinksync.gateway.outbox;

import java.util.List;
import java.util.UUID;

/**
 * A registration's events, as committed to the outbox, for {@link ImmediatePublisher} to publish from memory.
 *
 * @param outboxId    the outbox row holding them
 * @param changeSetId their change set
 * @param traceId     the change set's trace
 * @param traceParent the W3C traceparent of the registering span (null when there was none)
 * @param messages    the events, in the order they were written
 */
public record Publication(long outboxId, String changeSetId, UUID traceId, String traceParent, List<OutboxMessage> messages) {

    public Publication {
        messages = List.copyOf(messages);
    }
}
