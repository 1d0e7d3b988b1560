package com.skylinksync.drift;

import com.skylinksync.schemas.avro.EntityChanged;
import com.skylinksync.schemas.avro.Origin;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The corrective syncs of a report: one {@code EntityChanged} of origin {@code DRIFT} per distinct heal target of the
 * chosen items (all, or one category), under the heal run's id as change set, so their outcomes are the run's
 * progress. DRIFT is backlog work ({@code Topics.isBacklog}): published to the backlog topics, below real-time syncs in
 * the shared RE budget, and the sync services write it whatever their last-written hashes say. Items without a heal
 * target (an RE product that cannot sync, a link RE does not know) are left for an operator, with their reason.
 */
public final class DriftHeal {

    private DriftHeal() {
    }

    /** The items a heal of {@code category} (null: every category) covers. */
    public static Predicate<Drift> of(DriftCategory category) {
        return item -> category == null || item.category() == category;
    }

    public static List<EntityChanged> events(DriftReport report, Predicate<Drift> which, String runId, String clientId,
                                             int salesChannelId, String traceId, Instant now) {
        Set<Drift.HealTarget> targets = report.healTargets(which);
        return targets.stream().map(target -> EntityChanged.newBuilder()
                .setChangeSetId(runId).setOrigin(Origin.DRIFT).setClientId(clientId).setSalesChannelId(salesChannelId)
                .setEntityType(target.type()).setEntityId(target.id()).setAttributeCode(null).setSnapshot(target.snapshot())
                .setObservedAt(now).setTraceId(traceId).build()).toList();
    }
}
