package com.skylinksync.gateway.changesets;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The latest known state of one entity of a change set, as stored in {@code change_set_entity.outcome}. */
public enum EntityOutcome {
    PENDING(false, false),
    SYNCED(true, false),
    UNCHANGED(true, false),
    /** A sync attempt failed and will be retried: not terminal. */
    FAILED(false, false),
    DEAD_LETTERED(true, true),
    /** A write of unknown outcome, parked for an operator: terminal, with failure (nothing retries it by itself). */
    PARKED(true, true),
    UNSUPPORTED(true, false),
    IGNORED(true, false),
    /** A bulk entity whose enumerated entities were added to the change set; they carry their own outcomes. */
    EXPANDED(true, false),
    /** An entity of an operator's cancelled bulk run whose event had not been published yet. */
    CANCELLED(true, false);

    private final boolean terminal;
    private final boolean failure;

    EntityOutcome(boolean terminal, boolean failure) {
        this.terminal = terminal;
        this.failure = failure;
    }

    /** Whether nothing more will happen to the entity for this change set (what acknowledgement waits for). */
    public boolean terminal() {
        return terminal;
    }

    /** Whether the entity was given up on: its change set is acknowledged as processed with failures. */
    public boolean failure() {
        return failure;
    }

    /** The outcomes that qualify, as an SQL list literal such as {@code ('PENDING', 'FAILED')}. */
    public static String sqlList(Predicate<EntityOutcome> which) {
        return Arrays.stream(values()).filter(which).map(o -> "'" + o.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
