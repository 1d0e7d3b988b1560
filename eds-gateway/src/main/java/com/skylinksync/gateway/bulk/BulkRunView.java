package com.skylinksync.gateway.bulk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tracked bulk run: an operator's ({@code skylink bulk ...}) or RE's own ({@code SalesChannel}, {@code BulkCustomer}).
 *
 * @param id          the run's id (its change set's id)
 * @param source      OPERATOR or EDS (RE's bulk types)
 * @param type        customers, products, price-groups, attributes, outlets, fulfillments
 * @param status      ENUMERATING (ids still being read from RE), RUNNING, FINISHED, CANCELLED
 * @param total       entities in the run so far
 * @param done        synced (written)
 * @param unchanged   found already up to date
 * @param failed      dead-lettered or parked
 * @param retrying    failed once, being retried
 * @param pending     not finished yet
 * @param cancelled   left out by a cancel
 * @param since       the run's {@code --since}, if any
 * @param startedAt   when it was registered
 * @param finishedAt  when its last entity finished; null while running
 * @param outcomes    every outcome's count
 */
record BulkRunView(String id, String source, String type, String status, long total, long done, long unchanged, long failed,
                   long retrying, long pending, long cancelled, Instant since, Instant startedAt, Instant finishedAt,
                   Map<String, Long> outcomes) {

    record Page(List<BulkRunView> items) {
    }

    /** What a run would cost, without starting it. */
    record DryRun(String type, long entities, long enumerationCalls, long estimatedRetailExpressCalls, Instant since) {
    }
}
