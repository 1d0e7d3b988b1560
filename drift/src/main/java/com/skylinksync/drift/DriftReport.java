package com.skylinksync.drift;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one comparison found, with what it cost: RE calls (all batched, at backlog priority) and Magento reads.
 * {@code complete} is false when the comparison stopped early (the RE cap reached, a system unreachable), with why in
 * {@code note}: then only what was compared is listed.
 */
public record DriftReport(String id, DriftScope scope, List<Integer> channels, Instant startedAt, Instant finishedAt,
                          boolean complete, String note, long retailExpressCalls, long magentoCalls,
                          Map<DriftScope, Integer> compared, List<Drift> items) {

    public DriftReport {
        channels = List.copyOf(channels);
        items = List.copyOf(items);
        compared = Map.copyOf(compared);
    }

    /** How many items each category has, every category listed (zero included), in category order. */
    public Map<DriftCategory, Integer> counts() {
        Map<DriftCategory, Integer> counts = new EnumMap<>(DriftCategory.class);
        for (DriftCategory category : DriftCategory.values()) {
            if (scope.covers(category.scope())) {
                counts.put(category, 0);
            }
        }
        items.forEach(item -> counts.merge(item.category(), 1, Integer::sum));
        return counts;
    }

    /**
     * The distinct syncs that heal the items {@code which} selects, in report order: one per entity type and id (a
     * second invoice of one order waits for the next heal, as the order's invoices are one lane).
     */
    public Set<Drift.HealTarget> healTargets(Predicate<Drift> which) {
        Map<String, Drift.HealTarget> targets = new java.util.LinkedHashMap<>();
        items.stream().filter(which).filter(Drift::healable)
                .forEach(item -> targets.putIfAbsent(item.heal().type() + ":" + item.heal().id(), item.heal()));
        return new LinkedHashSet<>(targets.values());
    }

    public List<Drift> unhealable() {
        return items.stream().filter(item -> !item.healable()).toList();
    }
}
