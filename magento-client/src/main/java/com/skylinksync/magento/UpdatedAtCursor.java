package com.skylinksync.magento;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a poll of a Magento collection by {@code updated_at} stands: the newest {@code updated_at} published and the
 * versions published at that very second, rendered {@code 2026-12-01 08:00:05|17:3fa2c81b90de,18:...}. Magento's
 * timestamps have whole seconds, so a poll asks {@code updated_at gteq} the mark (a strictly-greater poll would miss
 * an entity saved later in the same second) and leaves out what was already published at the mark's second.
 *
 * @param mark      Magento's {@code yyyy-MM-dd HH:mm:ss} (UTC)
 * @param published versions (entity id and a content hash) published at {@code mark}
 */
public record UpdatedAtCursor(String mark, Set<String> published) {

    /** Magento's {@code updated_at} format: UTC, whole seconds. */
    public static final DateTimeFormatter MAGENTO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    public UpdatedAtCursor {
        published = Set.copyOf(published);
    }

    /** A cursor at {@code instant} (its second) with nothing published yet, rendered: a source's first cursor. */
    public static String at(Instant instant) {
        return MAGENTO_TIME.format(instant);
    }

    public static UpdatedAtCursor parse(String cursor) {
        int bar = cursor.indexOf('|');
        if (bar < 0) {
            return new UpdatedAtCursor(cursor, Set.of());
        }
        Set<String> versions = new HashSet<>();
        for (String version : cursor.substring(bar + 1).split(",")) {
            if (!version.isBlank()) {
                versions.add(version.strip());
            }
        }
        return new UpdatedAtCursor(cursor.substring(0, bar), versions);
    }

    public String render() {
        return published.isEmpty() ? mark : mark + "|" + String.join(",", published.stream().sorted().toList());
    }

    /** What a poll found that is new, oldest first, and the cursor after it. */
    public record Advance<T>(List<T> fresh, UpdatedAtCursor next) {
    }

    /**
     * Of {@code found} (entities changed at or after {@link #mark}), those not yet published, in
     * {@code (updated_at, id)} order as {@code order} sorts them, and the cursor that follows them.
     */
    public <T> Advance<T> advance(List<T> found, Function<T, String> updatedAt, Function<T, String> version,
                                  Comparator<T> order) {
        List<T> sorted = new ArrayList<>(found);
        sorted.sort(order);
        List<T> fresh = new ArrayList<>();
        String newest = mark;
        Set<String> atNewest = new LinkedHashSet<>(published);
        for (T entity : sorted) {
            String at = updatedAt.apply(entity);
            String v = version.apply(entity);
            if (mark.equals(at) && published.contains(v)) {
                continue; // this very version went out in an earlier poll
            }
            fresh.add(entity);
            if (at != null && at.compareTo(newest) > 0) {
                newest = at;
                atNewest.clear();
            }
            if (newest.equals(at)) {
                atNewest.add(v);
            }
        }
        return new Advance<>(fresh, new UpdatedAtCursor(newest, atNewest));
    }
}
