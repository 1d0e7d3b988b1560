package com.skylinksync.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budget's time: periods ("slots") aligned to the epoch, so that every process's slot {@code k} is the same
 * stretch of time ({@code k} = epoch ms / period), and a ticker thread that calls back at the start of every slot and
 * half-way through it.
 */
final class PeriodClock {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodClock.class);

    private final Clock clock;
    private final long periodMillis;
    private volatile boolean stopped;
    private Thread ticker;

    PeriodClock(Clock clock, Duration period) {
        this.clock = clock;
        this.periodMillis = period.toMillis();
    }

    long millis() {
        return clock.millis();
    }

    long periodMillis() {
        return periodMillis;
    }

    long slot() {
        return Math.floorDiv(clock.millis(), periodMillis);
    }

    long startOf(long slot) {
        return slot * periodMillis;
    }

    /** Epoch ms a quarter of the way into {@code slot}. */
    long quarterOf(long slot) {
        return startOf(slot) + periodMillis / 4;
    }

    /** Epoch ms half-way through {@code slot}. */
    long halfOf(long slot) {
        return startOf(slot) + periodMillis / 2;
    }

    /**
     * A time source for one resilience4j rate limiter whose cycles are these periods: resilience4j counts its cycles
     * from its first reading of the time source, and this source's first reading is the start of the current period.
     */
    Supplier<Long> alignedNanos() {
        AtomicBoolean first = new AtomicBoolean(true);
        long period = TimeUnit.MILLISECONDS.toNanos(periodMillis);
        return () -> {
            Instant now = clock.instant();
            long nanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
            return first.compareAndSet(true, false) ? Math.floorDiv(nanos, period) * period : nanos;
        };
    }

    /** Starts the ticker: {@code started} at each slot's start (from the next one), {@code halfway} in its middle. */
    synchronized void start(String name, LongConsumer started, LongConsumer halfway) {
        ticker = Thread.ofPlatform().daemon().name(name).start(() -> tick(started, halfway));
    }

    /**
     * Stops the ticker within a period. It is not interrupted: an interrupt inside {@code KafkaProducer.send} can leave
     * a batch behind that {@code flush()} then waits for forever (seen as a hung shutdown).
     */
    synchronized void stop() {
        stopped = true;
        if (ticker == null) {
            return;
        }
        try {
            ticker.join(periodMillis + TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tick(LongConsumer started, LongConsumer halfway) {
        long slot = slot();
        boolean halfwayDone = false;
        while (!stopped) {
            long current = slot();
            if (current != slot) {
                slot = current;
                halfwayDone = false;
                run(started, slot, "start");
            }
            if (!halfwayDone && clock.millis() >= halfOf(slot)) {
                halfwayDone = true;
                run(halfway, slot, "middle");
            }
            long next = halfwayDone ? startOf(slot + 1) : halfOf(slot);
            long sleep = Math.max(1, next - clock.millis());
            try {
                Thread.sleep(Math.min(sleep, periodMillis));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void run(LongConsumer tick, long slot, String when) {
        try {
            tick.accept(slot);
        } catch (RuntimeException e) {
            LOG.warn("RE budget: the work at the {} of period {} failed", when, slot, e);
        }
    }
}
