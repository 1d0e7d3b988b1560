package com.skylinksync.fulfillment;

import com.skylinksync.connector.ChangeSource;
import com.skylinksync.magento.UpdatedAtChanges;
import com.skylinksync.magento.UpdatedAtCursor;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * A change source of the order loop: Magento entities changed since the cursor, paged by {@code updated_at}
 * ({@link UpdatedAtChanges}), on the order poll's schedule and start, each published with the entity as read for
 * snapshot. Orders and invoices differ only in what they search, how a version is told apart and which id keys the
 * change (an invoice is keyed by its order, so it waits behind it).
 */
public abstract class PolledMagentoChanges<T> implements ChangeSource {

    private final OrderSettings settings;
    private final Snapshots snapshots;
    private final UpdatedAtChanges<T> changes;
    private final Function<T, String> key;
    private final Function<T, String> updatedAt;
    private final Clock clock = Clock.systemUTC();

    protected PolledMagentoChanges(OrderSettings settings, Snapshots snapshots, UpdatedAtChanges<T> changes,
                                   Function<T, String> key, Function<T, String> updatedAt) {
        this.settings = settings;
        this.snapshots = snapshots;
        this.changes = changes;
        this.key = key;
        this.updatedAt = updatedAt;
    }

    @Override
    public final Schedule schedule() {
        return new Schedule(settings.poll().interval(), settings.poll().lease());
    }

    @Override
    public final String initialCursor() {
        return settings.poll().startFrom() != null ? settings.poll().startFrom() : UpdatedAtCursor.at(clock.instant());
    }

    @Override
    public final Batch poll(String cursor) {
        var advance = changes.since(cursor, settings.poll().pageSize());
        List<Change> found = advance.fresh().stream()
                .map(entity -> new Change(key.apply(entity), updatedAt.apply(entity), snapshots.write(entity))).toList();
        return new Batch(found, advance.next().render(), false);
    }
}
