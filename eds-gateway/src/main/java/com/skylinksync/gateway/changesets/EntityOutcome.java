package com.skylinksync.gateway.changesets;

/** The latest known state of one entity of a change set, as stored in {@code change_set_entity.outcome}. */
public enum EntityOutcome {
    PENDING(false),
    SYNCED(true),
    UNCHANGED(true),
    /** A sync attempt failed and will be retried: not terminal. */
    FAILED(false),
    DEAD_LETTERED(true),
    UNSUPPORTED(true),
    IGNORED(true),
    /** A bulk entity whose enumerated entities were added to the change set; they carry their own outcomes. */
    EXPANDED(true);

    private final boolean terminal;

    EntityOutcome(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether nothing more will happen to the entity for this change set (what acknowledgement waits for). */
    public boolean terminal() {
        return terminal;
    }
}
