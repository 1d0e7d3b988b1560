package com.skylinksync.sandbox.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A real PostgreSQL server (zonky embedded binaries) for tests and the local stack. Each service gets its own
 * schema in one database, as in production (one schema per service). Port 0 picks a free port; a data directory
 * keeps data across restarts (the local stack), none means a throwaway one (tests).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start(int port, Path dataDirectory) {
        try {
            var builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new PostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** R2DBC URL whose connections use {@code schema} (search_path). */
    public String r2dbcUrl(String schema) {
        return "r2dbc:postgresql://localhost:" + port() + "/" + DATABASE + "?schema=" + schema;
    }

    /** Stops the server abruptly-but-cleanly, as a database outage would look to a service. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one SQL statement as the superuser (test set-up and assertions). */
    public void execute(String sql) {
        try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }
}
