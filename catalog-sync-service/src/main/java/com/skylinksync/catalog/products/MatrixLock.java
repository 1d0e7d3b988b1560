package com.skylinksync.catalog.products;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.springframework.stereotype.Component;

/**
 * One matrix synced at a time across every pod: siblings of a matrix have keys of their own, so the runtime may run
 * them at once (in one batch, in concurrent batches, on different pods); a PostgreSQL advisory lock on the matrix's
 * manufacturer SKU, held on its own connection for the length of the sync, makes them take turns, so the second finds
 * the parent the first created instead of creating another.
 */
@Component
class MatrixLock {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private final ConnectionFactory connections;

    MatrixLock(ConnectionFactory connections) {
        this.connections = connections;
    }

    <T> T holding(String manufacturerSku, Supplier<T> work) {
        long key = ("skylink-matrix:" + manufacturerSku).hashCode();
        Connection connection = Mono.from(connections.create()).block(WAIT);
        try {
            execute(connection, "SELECT pg_advisory_lock(" + key + ")");
            try {
                return work.get();
            } finally {
                execute(connection, "SELECT pg_advisory_unlock(" + key + ")");
            }
        } finally {
            Mono.from(connection.close()).block(WAIT);
        }
    }

    private static void execute(Connection connection, String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(result -> result.map((row, meta) -> 1)).blockLast(WAIT);
    }
}
