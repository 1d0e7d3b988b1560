package com.skylinksync.connector;

import com.skylinksync.schemas.avro.EntityChanged;
import java.util.Objects;

/**
 * How the runtime may run one entity's waiting events; declared by each connector ({@link EntitySyncer#ordering()}).
 * Either way an entity's events never run concurrently and never out of order.
 */
public sealed interface Ordering {

    /**
     * Every sync fetches the entity's current state (Retail Express → Magento): all waiting events of an entity are
     * covered by one run, and an event arriving mid-run causes exactly one more run. Real-time and backlog events of
     * one entity may be merged the same way.
     */
    static Ordering currentState() {
        return CurrentState.INSTANCE;
    }

    /**
     * Each event is a write (Magento → Retail Express): an entity's events are applied one at a time, in order, none
     * dropped — except that an event the connector says is {@linkplain Supersedes superseded} by the next waiting one
     * is covered by that one's run instead of running itself.
     */
    static Ordering inOrder(Supersedes supersedes) {
        return new InOrder(supersedes);
    }

    /** {@link #inOrder} where no change replaces another: every event runs. */
    static Ordering strict() {
        return new InOrder((earlier, later) -> false);
    }

    /** Whether applying {@code later} makes applying {@code earlier} (the same entity's preceding change) pointless. */
    @FunctionalInterface
    interface Supersedes {
        boolean test(EntityChanged earlier, EntityChanged later);
    }

    /** See {@link #currentState()}. */
    enum CurrentState implements Ordering {
        INSTANCE
    }

    /** See {@link #inOrder}. */
    record InOrder(Supersedes supersedes) implements Ordering {
        public InOrder {
            Objects.requireNonNull(supersedes, "supersedes");
        }
    }
}
