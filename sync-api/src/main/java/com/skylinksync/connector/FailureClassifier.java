package com.skylinksync.connector;

import java.util.Optional;

/**
 * SPI: each client (Retail Express, Magento) contributes one, as a bean, for its own exceptions, so the runtime can
 * classify failures without knowing any client. The runtime walks a failure's cause chain from the outside in and
 * asks every classifier about each exception; the first verdict wins. An exception nobody recognises is transient
 * (retried until {@code skylink.sync.retry-give-up-after}, then dead-lettered).
 *
 * <p>Connectors need no classifier of their own: they throw {@link PermanentSyncException} or
 * {@link UncertainSyncException}, which the runtime knows.
 */
@FunctionalInterface
public interface FailureClassifier {

    /** The verdict on {@code failure} itself (not its causes: the runtime walks those), or empty if it is not ours. */
    Optional<Failure> classify(Throwable failure);
}
