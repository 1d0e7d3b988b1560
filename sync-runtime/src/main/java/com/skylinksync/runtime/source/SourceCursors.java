package com.skylinksync.runtime.source;

import java.time.Duration;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Each change source's cursor and lease ({@code change_source_cursor}): one pod at a time may poll a source and
 * move its cursor. Blocking with a bound, like the status store: called from the poller's own thread.
 */
final class SourceCursors {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final DatabaseClient database;

    SourceCursors(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Takes (or renews) the right to poll {@code source} for {@code lease} and returns its cursor; empty while another
     * pod holds an unexpired lease. The first claim ever starts the cursor at {@code initial}.
     */
    Optional<String> claim(String source, String owner, Duration lease, String initial) {
        return Optional.ofNullable(database.sql("""
                INSERT INTO change_source_cursor (name, cursor, lease_owner, lease_until)
                VALUES ($1, $2, $3, now() + make_interval(secs => $4))
                ON CONFLICT (name) DO UPDATE
                   SET lease_owner = EXCLUDED.lease_owner, lease_until = EXCLUDED.lease_until
                 WHERE change_source_cursor.lease_owner = EXCLUDED.lease_owner
                    OR change_source_cursor.lease_until < now()
                RETURNING cursor""")
                .bind(0, source).bind(1, initial).bind(2, owner).bind(3, lease.toMillis() / 1000.0)
                .map(row -> row.get("cursor", String.class))
                .one().block(WAIT));
    }

    /** Moves the cursor, only while still holding the lease (a pod that lost it must not move another's cursor). */
    boolean advance(String source, String owner, String cursor) {
        Long moved = database.sql("""
                UPDATE change_source_cursor SET cursor = $3, updated_at = now()
                 WHERE name = $1 AND lease_owner = $2 AND lease_until >= now()""")
                .bind(0, source).bind(1, owner).bind(2, cursor).fetch().rowsUpdated().block(WAIT);
        return moved != null && moved > 0;
    }

    /** Gives the lease up, so a pod that starts next need not wait for it to run out. */
    void release(String source, String owner) {
        database.sql("UPDATE change_source_cursor SET lease_until = '-infinity' WHERE name = $1 AND lease_owner = $2")
                .bind(0, source).bind(1, owner).fetch().rowsUpdated().block(WAIT);
    }
}
