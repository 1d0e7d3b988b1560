package com.skylinksync.runtime.behaviour;

import static org.awaitility.Awaitility.await;

import com.skylinksync.testkit.SyncServiceHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import com.skylinksync.connector.SyncTask;

/** Syncs of one entity that wait, each, until the test lets one through: to act while a sync is known to be running. */
final class HeldSyncs {

    private final Semaphore permits = new Semaphore(0);
    private final List<SyncTask> entered = new ArrayList<>();

    /** Holds each sync of the entity, then writes it. */
    FakeConnector.Behaviour holding(FakeConnector connector) {
        return task -> {
            synchronized (entered) {
                entered.add(task);
            }
            if (!permits.tryAcquire(SyncServiceHarness.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The test never let this sync through");
            }
            return connector.write(task);
        };
    }

    /** The {@code n}th sync (1-based), once it is running. */
    SyncTask awaitRunning(int n) {
        await().atMost(SyncServiceHarness.DEADLINE).until(() -> entered().size() >= n);
        return entered().get(n - 1);
    }

    /** Lets the sync that is waiting (or the next one) finish. */
    void release() {
        permits.release();
    }

    List<SyncTask> entered() {
        synchronized (entered) {
            return List.copyOf(entered);
        }
    }
}
