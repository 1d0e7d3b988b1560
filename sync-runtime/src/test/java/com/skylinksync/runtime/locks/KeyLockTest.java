package com.skylinksync.runtime.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.skylinksync.sandbox.infra.PostgresServer;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The advisory lock over a real PostgreSQL: one holder per key, other keys free, a bounded wait. */
class KeyLockTest {

    private static PostgresServer postgres;
    private static ConnectionFactory connections;
    /** Threads of its own: the common pool may have one worker on a small machine, and the holders block. */
    private static ExecutorService threads;

    @BeforeAll
    static void start() {
        threads = Executors.newFixedThreadPool(4);
        postgres = PostgresServer.start(0, null);
        connections = ConnectionFactories.get(ConnectionFactoryOptions.parse(postgres.r2dbcUrl("public")).mutate()
                .option(ConnectionFactoryOptions.USER, PostgresServer.USER)
                .option(ConnectionFactoryOptions.PASSWORD, "postgres").build());
    }

    @AfterAll
    static void stop() throws Exception {
        threads.shutdownNow();
        postgres.close();
    }

    @Test
    void aSecondHolderOfOneKeyWaitsForTheFirstWhileAnotherKeyIsFree() throws Exception {
        KeyLock lock = new KeyLock(connections, "test", Duration.ofSeconds(20));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> lock.holding("order-1", () -> {
            entered.countDown();
            await(release);
            return "first";
        }), threads);
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> lock.holding("order-1", () -> "second"), threads);

        // The second is waiting on PostgreSQL for the key (an ungranted advisory lock), not running.
        awaitWaitingLocks(1);
        assertThat(second).isNotDone();
        assertThat(lock.holding("order-2", () -> "other key")).isEqualTo("other key");

        release.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(waitingAdvisoryLocks()).isZero();
    }

    @Test
    void aKeyHeldLongerThanTheWaitIsBusyAndTheConnectionGoesBackClean() throws Exception {
        KeyLock patient = new KeyLock(connections, "test", Duration.ofSeconds(20));
        KeyLock hasty = new KeyLock(connections, "test", Duration.ofMillis(300));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> patient.holding("order-3", () -> {
            entered.countDown();
            await(release);
            return "held";
        }), threads);
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> hasty.holding("order-3", () -> "never")).isInstanceOf(KeyLock.Busy.class)
                .hasMessageContaining("test:order-3");
        release.countDown();
        assertThat(holder.get(20, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(hasty.holding("order-3", () -> "now")).isEqualTo("now");
        assertThat(heldAdvisoryLocks()).as("every lock released").isZero();
    }

    /** Polls pg_locks until {@code count} advisory locks are waited for, with a deadline. */
    private static void awaitWaitingLocks(long count) {
        Awaitility.await("a holder waiting for the key").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> waitingAdvisoryLocks() == count);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long waitingAdvisoryLocks() throws Exception {
        return countLocks("NOT granted");
    }

    private static long heldAdvisoryLocks() throws Exception {
        return countLocks("granted");
    }

    private static long countLocks(String condition) throws Exception {
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, "postgres");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND " + condition)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
