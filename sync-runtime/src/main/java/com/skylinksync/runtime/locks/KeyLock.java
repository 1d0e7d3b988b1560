package com.skylinksync.runtime.locks;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One holder at a time per key, across threads, pods and services that share one PostgreSQL database: a session
 * advisory lock on {@code hashtextextended(space:key)}, held on a connection of its own while the work runs.
 *
 * <p>Why connectors need it beside the runtime's key-ordered lanes: a lane is handed back when shutdown-grace or a
 * rebalance wait runs out, while its sync may still be executing; the new owner could then start the same key's
 * write. Work that holds the key's lock across intent → write → outcome makes that second execution wait until the
 * first has recorded its outcome (and so sees it). A pod that dies loses its connection, and PostgreSQL releases the
 * lock with it. Waiting is bounded ({@code lock_timeout}); past it {@link Busy} is thrown, a transient failure the
 * runtime retries with backoff.
 *
 * <p>Each holder uses one pooled connection for the length of its work: size the pool above the concurrency.
 */
public final class KeyLock {

    private static final Duration STATEMENT = Duration.ofSeconds(30);

    private final ConnectionFactory connections;
    private final String space;
    private final Duration wait;

    /**
     * @param space names what the keys are (e.g. {@code magento-order}); locks of other spaces never collide by name
     * @param wait  how long to wait for a key another holder has
     */
    public KeyLock(ConnectionFactory connections, String space, Duration wait) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.space = Objects.requireNonNull(space, "space");
        if (wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException("KeyLock wait must be positive");
        }
        this.wait = wait;
    }

    /** Runs {@code work} holding the key's lock; {@link Busy} when another holder keeps it longer than the wait. */
    public <T> T holding(String key, Supplier<T> work) {
        String name = space + ":" + key;
        Connection connection = Mono.from(connections.create()).block(STATEMENT);
        try {
            execute(connection, "SET lock_timeout = '" + wait.toMillis() + "ms'");
            try {
                Flux.from(connection.createStatement("SELECT pg_advisory_lock(hashtextextended($1, 0))")
                                .bind("$1", name).execute())
                        .flatMap(result -> result.map((row, meta) -> 1)).blockLast(wait.plus(STATEMENT));
            } catch (RuntimeException timedOut) {
                throw new Busy("Another execution holds " + name + " (waited " + wait + "); retried later", timedOut);
            }
            try {
                return work.get();
            } finally {
                Flux.from(connection.createStatement("SELECT pg_advisory_unlock(hashtextextended($1, 0))")
                                .bind("$1", name).execute())
                        .flatMap(result -> result.map((row, meta) -> 1)).blockLast(STATEMENT);
            }
        } finally {
            try {
                execute(connection, "RESET lock_timeout");
            } finally {
                Mono.from(connection.close()).block(STATEMENT);
            }
        }
    }

    private static void execute(Connection connection, String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(result -> result.getRowsUpdated()).blockLast(STATEMENT);
    }

    /** The key stayed held by another execution for the whole wait: try again later. */
    public static final class Busy extends RuntimeException {

        Busy(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
