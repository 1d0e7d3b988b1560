package com.skylinksync.catalog.products;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The write targets of one group of products ({@link WriteTargets}): read up front in one query, written to
 * PostgreSQL in one statement at {@link #flush()}, instead of a round trip for each look and each write. A target not
 * read up front is read when first asked for. Thread-safe, so a group's products may be written concurrently.
 *
 * <p>Written hashes only ever save work: one lost before its flush (a crash) costs a repeated Magento write on the
 * next sync, never a wrong one, since products are matched in Magento by {@code skylink_product_id} first.
 */
final class TargetBatch {

    private final WriteTargets store;
    private final Map<String, Optional<WriteTargets.Written>> known = new LinkedHashMap<>();
    private final Map<String, WriteTargets.Row> pending = new LinkedHashMap<>();

    TargetBatch(WriteTargets store) {
        this.store = store;
    }

    /** Reads these targets (again) from PostgreSQL: e.g. a matrix's under its lock, where another pod may have written. */
    void read(Collection<String> targets) {
        List<String> toRead = new ArrayList<>();
        synchronized (this) {
            for (String target : targets) {
                if (!pending.containsKey(target)) {
                    toRead.add(target);
                }
            }
        }
        Map<String, WriteTargets.Written> found = store.findAll(toRead);
        synchronized (this) {
            toRead.forEach(target -> known.put(target, Optional.ofNullable(found.get(target))));
        }
    }

    Optional<WriteTargets.Written> find(String target) {
        synchronized (this) {
            Optional<WriteTargets.Written> cached = known.get(target);
            if (cached != null) {
                return cached;
            }
        }
        Optional<WriteTargets.Written> read = store.find(target);
        synchronized (this) {
            return known.computeIfAbsent(target, t -> read);
        }
    }

    boolean unchanged(String target, String hash) {
        return find(target).map(WriteTargets.Written::contentHash).filter(hash::equals).isPresent();
    }

    synchronized void written(String target, String hash, long magentoId, String magentoSku) {
        known.put(target, Optional.of(new WriteTargets.Written(hash, magentoId, magentoSku)));
        pending.put(target, new WriteTargets.Row(target, hash, magentoId, magentoSku));
    }

    /** Writes what was written since the last flush, in one statement. */
    void flush() {
        List<WriteTargets.Row> rows;
        synchronized (this) {
            rows = List.copyOf(pending.values());
            pending.clear();
        }
        store.writeAll(rows);
    }
}
