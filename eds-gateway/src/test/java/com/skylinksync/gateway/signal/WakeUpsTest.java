package com.skylinksync.gateway.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

class WakeUpsTest {

    @Test
    void aWakeUpWhileAnotherIsBeingDeliveredReturnsAtOnceInsteadOfFailing() throws Exception {
        WakeUps wakeUps = new WakeUps();
        CountDownLatch delivering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        Disposable loop = wakeUps.asFlux().onBackpressureLatest().subscribe(signal -> {
            if (delivered.incrementAndGet() == 1) {
                delivering.countDown();
                await(release); // holds the sink's serialisation, as a descheduled emitting thread does
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(2); // not the common pool: one thread on 2 cores
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(wakeUps::wake, threads);
            assertThat(delivering.await(5, TimeUnit.SECONDS)).isTrue();

            // Longer than any spin would wait: the second wake-up must neither block nor throw.
            CompletableFuture<Void> second = CompletableFuture.runAsync(wakeUps::wake, threads);
            second.get(1, TimeUnit.SECONDS);
            assertThat(second).isCompletedWithValue(null);

            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            wakeUps.wake();
            assertThat(delivered.get()).as("a later wake-up is delivered again").isEqualTo(2);
        } finally {
            release.countDown();
            loop.dispose();
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
