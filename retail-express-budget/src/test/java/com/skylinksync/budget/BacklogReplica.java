package com.skylinksync.budget;

import com.skylinksync.retailexpress.CallPermits;
import com.skylinksync.retailexpress.RetailExpressCustomers;
import com.skylinksync.retailexpress.RetailExpressException;
import com.skylinksync.retailexpress.RetailExpressSettings;
import com.skylinksync.retailexpress.RetailExpressTransport;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One replica in backlog, for the budget's cluster test and benchmark: its own RE client on the simulator, whose
 * calls take their permits from {@code permits}, and callers that always have another call to make.
 */
final class BacklogReplica {

    final String name;
    private final CallPermits permits;
    private final AutoCloseable closing;
    private final RetailExpressCustomers client;
    private final Queue<Instant> calls = new ConcurrentLinkedQueue<>();
    private final Queue<Instant> permitted = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    BacklogReplica(String name, CallPermits permits, AutoCloseable closing, RetailExpressSimulator simulator) {
        this(name, permits, closing, simulator, new SendGate());
    }

    /** A replica whose calls, once permitted, wait at {@code gate} while it is closed before they are sent. */
    BacklogReplica(String name, CallPermits permits, AutoCloseable closing, RetailExpressSimulator simulator,
                   SendGate gate) {
        this.name = name;
        this.permits = permits;
        this.closing = closing;
        this.client = new RetailExpressCustomers(new RetailExpressTransport(new RetailExpressSettings(
                simulator.soapEndpoint(), simulator.clientId(), simulator.username(), simulator.password(),
                Duration.ofSeconds(5), Duration.ofSeconds(10), false), new CallPermits() {
                    @Override
                    public void acquire(String operation) {
                        permits.acquire(operation);
                        permitted.add(Instant.now());
                        gate.pass();
                    }

                    @Override
                    public void throttled(String operation) {
                        permits.throttled(operation);
                    }

                    @Override
                    public void finished(String operation) {
                        permits.finished(operation);
                    }
                }));
    }

    BacklogReplica(String name, ApiBudget budget, RetailExpressSimulator simulator) {
        this(name, budget, budget, simulator);
    }

    BacklogReplica(String name, ApiBudget budget, RetailExpressSimulator simulator, SendGate gate) {
        this(name, budget, budget, simulator, gate);
    }

    ApiBudget budget() {
        return (ApiBudget) permits;
    }

    BacklogReplica startBacklog(int callerCount) {
        for (int i = 0; i < callerCount; i++) {
            callers.submit(() -> {
                while (running.get()) {
                    try {
                        client.getCustomer(300000);
                        calls.add(Instant.now());
                    } catch (RetailExpressException.Throttled e) {
                        // a throttle fault or no permit in time: the caller simply tries again
                    }
                }
            });
        }
        return this;
    }

    long callsBetween(Instant from, Instant to) {
        return calls.stream().filter(at -> !at.isBefore(from) && at.isBefore(to)).count();
    }

    /** When each of this replica's calls got its permit. */
    List<Instant> permitted() {
        return List.copyOf(permitted);
    }

    long calls() {
        return calls.size();
    }

    void stop() {
        if (running.compareAndSet(true, false)) {
            try {
                closing.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + name, e);
            }
            callers.shutdownNow();
            try {
                callers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
