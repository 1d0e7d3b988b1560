package com.skylinksync.sandbox.retailexpress;

import java.time.Instant;
import java.util.List;

/**
 * One SOAP call in the simulator's journal with its outcome: what budget tests and benchmarks count.
 *
 * @param at        when it arrived
 * @param operation the SOAP operation, e.g. {@code GetProductsByChannel}
 * @param ids       the entity ids it named (empty for injected faults, whose body is not parsed)
 * @param outcome   what the simulator answered
 * @param channelId the sales channel a *ByChannel operation named, or null
 */
public record JournalEntry(Instant at, String operation, List<String> ids, CallOutcome outcome, Integer channelId) {

    public JournalEntry {
        ids = List.copyOf(ids);
    }
}
