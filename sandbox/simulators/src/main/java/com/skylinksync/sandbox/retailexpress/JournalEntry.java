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
 * @param injected  for a THROTTLED call: the throttle was injected on purpose ({@link RetailExpressSimulator#throttleNext}),
 *                  not earned by exceeding a budget window; false for every other outcome
 */
public record JournalEntry(Instant at, String operation, List<String> ids, CallOutcome outcome, Integer channelId,
                           boolean injected) {

    public JournalEntry {
        ids = List.copyOf(ids);
    }

    /** A call whose outcome was not injected on purpose. */
    public JournalEntry(Instant at, String operation, List<String> ids, CallOutcome outcome, Integer channelId) {
        this(at, operation, ids, outcome, channelId, false);
    }
}
