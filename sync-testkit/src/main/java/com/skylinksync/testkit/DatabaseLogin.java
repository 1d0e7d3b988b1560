package com.skylinksync.testkit;

import com.skylinksync.sandbox.infra.PostgresServer;

/**
 * The database login one service instance uses (a role of its own), and the way to cut it off as a dead pod is cut
 * off: no new session is let in and every open one is ended, so nothing the instance does at the database after
 * that takes effect.
 */
final class DatabaseLogin {

    private final PostgresServer postgres;
    private final String role;

    DatabaseLogin(PostgresServer postgres, String role) {
        this.postgres = postgres;
        this.role = role;
    }

    void cut() {
        postgres.execute("ALTER ROLE " + role + " NOLOGIN");
        postgres.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'");
    }
}
