package com.skylinksync.budget;

import com.skylinksync.retailexpress.CallPermits;
import com.skylinksync.retailexpress.RetailExpressException;
import com.skylinksync.schemas.AvroEventDeserializer;
import com.skylinksync.schemas.AvroEventSerializer;
import com.skylinksync.schemas.avro.BudgetReport;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's part of the one Retail Express API budget shared by every replica of every service.
 *
 * <p><b>Local enforcement.</b> One resilience4j {@link RateLimiter} per RE window. The minute, hour and day limiters
 * count calls per budget period (2 s by default), their cycles aligned to the epoch so that every process's period
 * {@code k} is the same stretch of time; each period's limit is this process's share for that period by that window.
 * The second window's limiter is a pacer (one permit per {@code 1/rate} s). A call takes one permit from each, under
 * one lock per process: it first checks that all four have a permit and only then takes them, so a window that has
 * none never costs the others a permit. (If a take still fails, e.g. the limiter was drained by a throttle at that
 * instant, the permits already taken are lost: an under-use of at most one call, never an excess.)
 *
 * <p><b>Coordination through Kafka, not PostgreSQL.</b> Every service already talks to Kafka, while not every one has
 * a database (and giving one a database only to share a counter would couple its health to a second system). A
 * compacted topic keyed by participant is exactly "the latest state of every participant", readable from the start
 * by a new process, and it remembers the spend of processes that died, which must keep counting until it leaves the
 * windows. Every participant publishes a {@link BudgetReport} at each period boundary (what it spent, whether callers
 * waited, its grant for the current period) and reads everyone's; every participant computes everyone's shares with
 * the same deterministic {@link BudgetShares}, so no leader, election or lock is needed.
 *
 * <p><b>Agreement.</b> Shares of period {@code k+1} are computed half-way through period {@code k} from reports about
 * period {@code k-1} or earlier published in the first quarter of period {@code k}: reports arrive everywhere within
 * that quarter (Kafka's latency is milliseconds), so every participant computes from the same reports and the shares
 * sum to the cluster's grant; changed limits take effect at the same boundary everywhere (resilience4j applies a new
 * limit from the next cycle). A participant that cannot see its own reports come back for two periods fences itself
 * (makes no calls): the others keep its last grant reserved for {@code silentPeriods} and then share it out.
 *
 * <p><b>Throttle faults.</b> {@link #throttled} drains this period's permits, republishes the report with the time
 * of the fault, and every participant that reads it (this one included) recomputes the next period's shares with the
 * back-off factor; the cluster paces at the reduced rate for the cool-down, then recovers linearly.
 */
public final class ApiBudget implements CallPermits, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiBudget.class);
    private static final int REPORTS_KEPT = 6;

    private final BudgetSettings settings;
    private final BudgetCoordination coordination;
    private final Clock clock;
    private final BudgetShares shares;
    private final SpendLedger ledger;
    private final int minuteSlots;
    private final int hourSlots;
    private final int daySlots;
    private final long periodMillis;

    private final AtomicRateLimiter minute;
    private final AtomicRateLimiter hour;
    private final AtomicRateLimiter day;
    private volatile RateLimiter second;
    private volatile double secondRate;

    private final Map<Long, Grants> grantsBySlot = new ConcurrentHashMap<>();
    private final Map<String, Deque<ParticipantReport>> reports = new ConcurrentHashMap<>();
    private final AtomicLong latestThrottleAt = new AtomicLong();
    private final AtomicLong ownThrottleAt = new AtomicLong();
    private final AtomicLong lastStarvedSlot = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastOwnEcho = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong throttleFaults = new AtomicLong();
    private final ReentrantLock acquiring = new ReentrantLock(true);
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile BudgetShares.Allocation lastAllocation;
    private volatile ParticipantReport lastPublished;

    private final KafkaProducer<String, SpecificRecord> producer;
    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final Thread reader;
    private final Thread ticker;

    private ApiBudget(BudgetSettings settings, BudgetCoordination coordination, Clock clock) {
        this.settings = settings;
        this.coordination = coordination;
        this.clock = clock;
        this.shares = new BudgetShares(settings);
        this.periodMillis = settings.periodMillis();
        this.minuteSlots = settings.periodsIn(Duration.ofMinutes(1));
        this.hourSlots = settings.periodsIn(Duration.ofHours(1));
        this.daySlots = settings.periodsIn(Duration.ofDays(1));
        this.ledger = new SpendLedger(daySlots);
        this.minute = periodLimiter("minute");
        this.hour = periodLimiter("hour");
        this.day = periodLimiter("day");
        this.second = pacer(1.0);
        this.secondRate = 0;
        Map<String, Object> common = new HashMap<>(coordination.kafka());
        common.put("bootstrap.servers", coordination.bootstrapServers());
        ensureTopic(common);
        Map<String, Object> producerConfig = new HashMap<>(common);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new AvroEventSerializer());
        Map<String, Object> consumerConfig = new HashMap<>(common);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new AvroEventDeserializer());
        this.reader = Thread.ofPlatform().daemon().name("re-budget-reader-" + coordination.participantId())
                .unstarted(this::read);
        this.ticker = Thread.ofPlatform().daemon().name("re-budget-ticker-" + coordination.participantId())
                .unstarted(this::tick);
    }

    /**
     * Joins the cluster's budget: creates the topic if missing, reads every participant's latest report, announces
     * this one. Calls can be made once the others have counted it in, one or two periods later.
     */
    public static ApiBudget start(BudgetSettings settings, BudgetCoordination coordination) {
        return start(settings, coordination, Clock.systemUTC());
    }

    static ApiBudget start(BudgetSettings settings, BudgetCoordination coordination, Clock clock) {
        ApiBudget budget = new ApiBudget(settings, coordination, clock);
        List<TopicPartition> partitions = budget.consumer.partitionsFor(coordination.topic()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        budget.consumer.assign(partitions); // no group: every participant reads every report
        budget.consumer.seekToBeginning(partitions);
        budget.reader.start();
        budget.announce();
        budget.ticker.start();
        return budget;
    }

    @Override
    public void acquire(String operation) {
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        waiting.incrementAndGet();
        try {
            if (!acquiring.tryLock(settings.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
                throw noPermit(operation);
            }
            try {
                while (true) {
                    if (closing.get()) {
                        throw new RetailExpressException.Throttled(operation, "the RE API budget is closed", null);
                    }
                    long slot = currentSlot();
                    if (takePermits(slot)) {
                        ledger.record(slot);
                        calls.incrementAndGet();
                        return;
                    }
                    lastStarvedSlot.accumulateAndGet(slot, Math::max);
                    long pause = Math.min(TimeUnit.MILLISECONDS.toNanos(20), deadline - System.nanoTime());
                    if (pause <= 0) {
                        throw noPermit(operation);
                    }
                    LockSupport.parkNanos(pause);
                }
            } finally {
                acquiring.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetailExpressException.Throttled(operation, "interrupted while waiting for an RE API permit", e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Checks every window first, then takes from each: a window without a permit never costs the others one. */
    private boolean takePermits(long slot) {
        Grants grants = grantsBySlot.getOrDefault(slot, Grants.NONE);
        if (grants.calls() <= 0 || grants.perSecond() <= 0 || fenced()) {
            return false;
        }
        RateLimiter pace = second;
        if (minute.getMetrics().getAvailablePermissions() < 1 || hour.getMetrics().getAvailablePermissions() < 1
                || day.getMetrics().getAvailablePermissions() < 1 || pace.getMetrics().getAvailablePermissions() < 1) {
            return false;
        }
        return minute.acquirePermission(1) && hour.acquirePermission(1) && day.acquirePermission(1)
                && pace.acquirePermission(1);
    }

    @Override
    public void throttled(String operation) {
        long now = clock.millis();
        throttleFaults.incrementAndGet();
        ownThrottleAt.accumulateAndGet(now, Math::max);
        LOG.warn("RE answered {} with a throttle fault: every participant backs off", operation);
        backOff(now);
        ParticipantReport last = lastPublished;
        if (last != null) {
            publish(copyWithThrottle(last, now));
        }
    }

    /** This participant's view now. */
    public BudgetStatus status() {
        long slot = currentSlot();
        BudgetShares.Allocation allocation = lastAllocation;
        return new BudgetStatus(coordination.participantId(), slot, grantsBySlot.getOrDefault(slot, Grants.NONE),
                allocation == null ? Set.of() : allocation.live(),
                shares.throttleFactor(clock.millis(), latestThrottleAt.get()), waiting.get(), fenced(), calls.get(),
                throttleFaults.get());
    }

    public String participantId() {
        return coordination.participantId();
    }

    /** Stops making calls, tells the others (its share is freed within two periods) and disconnects. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        // The ticker sees `closing` within one period. It is not interrupted: an interrupt inside KafkaProducer.send
        // can leave a batch behind that flush() then waits for forever (seen as a hung shutdown).
        try {
            ticker.join(periodMillis + TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        acquiring.lock(); // no call is between its permit and its count any more
        try {
            publish(report(currentSlot(), Grants.NONE, true)); // delivered, or given up, by close(timeout) below
        } finally {
            acquiring.unlock();
        }
        consumer.wakeup();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    // --- the period clock -------------------------------------------------------------------------------------

    private long currentSlot() {
        return Math.floorDiv(clock.millis(), periodMillis);
    }

    private long startOf(long slot) {
        return slot * periodMillis;
    }

    /** At each boundary: switch the pace, report on the period just ended; half-way: divide the next period. */
    private void tick() {
        long slot = currentSlot();
        boolean dividedThisSlot = false;
        while (!closing.get()) {
            long now = clock.millis();
            long current = currentSlot();
            if (current != slot) {
                slot = current;
                dividedThisSlot = false;
                try {
                    applyPace(grantsBySlot.getOrDefault(slot, Grants.NONE).perSecond());
                    publish(report(slot - 1, grantsBySlot.getOrDefault(slot, Grants.NONE), false));
                    grantsBySlot.keySet().removeIf(s -> s < current - 2);
                } catch (RuntimeException e) {
                    LOG.warn("Could not report on RE budget period {}", slot - 1, e);
                }
            }
            long half = startOf(slot) + periodMillis / 2;
            if (!dividedThisSlot && now >= half) {
                dividedThisSlot = true;
                try {
                    divide(slot + 1);
                } catch (RuntimeException e) {
                    LOG.warn("Could not divide RE budget period {}", slot + 1, e);
                }
            }
            long next = dividedThisSlot ? startOf(slot + 1) : half;
            long sleep = Math.max(1, next - clock.millis());
            try {
                Thread.sleep(Math.min(sleep, periodMillis));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Computes the shares of {@code slot} and sets this participant's limiters for it (they apply from its start). */
    private synchronized void divide(long slot) {
        long cutoff = startOf(slot - 1) + periodMillis / 4;
        List<ParticipantReport> selected = new ArrayList<>();
        for (Deque<ParticipantReport> history : reports.values()) {
            synchronized (history) {
                ParticipantReport best = null;
                for (ParticipantReport r : history) {
                    if (r.slot() <= slot - 2 && r.publishedAt() <= cutoff
                            && (best == null || r.slot() > best.slot()
                            || (r.slot() == best.slot() && r.publishedAt() > best.publishedAt()))) {
                        best = r;
                    }
                }
                if (best != null) {
                    selected.add(best);
                }
            }
        }
        BudgetShares.Allocation allocation = shares.allocate(slot, selected, latestThrottleAt.get());
        Grants mine = fenced() || closing.get() ? Grants.NONE : allocation.of(coordination.participantId());
        Grants previous = grantsBySlot.get(slot);
        if (previous != null && previous.calls() < mine.calls()) {
            mine = previous; // a recomputation (after a throttle) only ever lowers
        }
        grantsBySlot.put(slot, mine);
        lastAllocation = allocation;
        minute.changeLimitForPeriod(Math.max(1, mine.minute()));
        hour.changeLimitForPeriod(Math.max(1, mine.hour()));
        day.changeLimitForPeriod(Math.max(1, mine.day()));
    }

    private void backOff(long throttledAt) {
        if (latestThrottleAt.getAndAccumulate(throttledAt, Math::max) >= throttledAt) {
            return; // already backing off for this one
        }
        minute.drainPermissions();
        applyPace(secondRate * settings.throttleFactor());
        long slot = currentSlot();
        if (clock.millis() >= startOf(slot) + periodMillis / 2) {
            divide(slot + 1); // the next period was divided before this was known
        }
    }

    private void applyPace(double rate) {
        if (rate <= 0) {
            secondRate = 0;
            return;
        }
        if (Math.abs(rate - secondRate) > secondRate * 0.01) {
            second = pacer(rate);
            secondRate = rate;
        }
    }

    private AtomicRateLimiter periodLimiter(String window) {
        RateLimiterConfig config = RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(settings.period()).timeoutDuration(Duration.ZERO).build();
        return new AtomicRateLimiter("re-budget-" + window, config, Map.of(), new EpochAlignedNanos(clock, periodMillis));
    }

    private static RateLimiter pacer(double rate) {
        RateLimiterConfig config = RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Math.max(1_000, (long) (1_000_000_000L / rate))))
                .timeoutDuration(Duration.ZERO).build();
        return RateLimiter.of("re-budget-second", config);
    }

    /**
     * resilience4j counts its cycles from its first reading of the time source; this source's first reading is the
     * start of the current period, so the limiter's cycles are the cluster's periods.
     */
    private static final class EpochAlignedNanos implements Supplier<Long> {
        private final Clock clock;
        private final long periodMillis;
        private final AtomicBoolean first = new AtomicBoolean(true);

        EpochAlignedNanos(Clock clock, long periodMillis) {
            this.clock = clock;
            this.periodMillis = periodMillis;
        }

        @Override
        public Long get() {
            Instant now = clock.instant();
            long nanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
            if (first.compareAndSet(true, false)) {
                long period = TimeUnit.MILLISECONDS.toNanos(periodMillis);
                return Math.floorDiv(nanos, period) * period;
            }
            return nanos;
        }
    }

    // --- reports -----------------------------------------------------------------------------------------------

    private boolean fenced() {
        return clock.millis() - lastOwnEcho.get() > 2 * periodMillis;
    }

    /** The first report, about the period whose reports are still being collected, so the others count us soon. */
    private void announce() {
        long now = clock.millis();
        long slot = currentSlot();
        long about = now <= startOf(slot) + periodMillis / 4 ? slot - 1 : slot;
        publish(report(about, Grants.NONE, false));
    }

    private ParticipantReport report(long slot, Grants next, boolean leaving) {
        return new ParticipantReport(coordination.participantId(), slot, clock.millis(), waiting.get(),
                waiting.get() > 0 || lastStarvedSlot.get() >= slot, ledger.used(slot), ledger.spent(slot, minuteSlots),
                ledger.recent(slot, minuteSlots), ledger.spent(slot, hourSlots), ledger.spent(slot, daySlots), next,
                ownThrottleAt.get(), leaving);
    }

    private static ParticipantReport copyWithThrottle(ParticipantReport r, long throttledAt) {
        return new ParticipantReport(r.participantId(), r.slot(), r.publishedAt(), r.waiting(), r.starved(), r.used(),
                r.spentMinute(), r.recentUsed(), r.spentHour(), r.spentDay(), r.nextGrants(), throttledAt, r.leaving());
    }

    private void publish(ParticipantReport report) {
        lastPublished = report;
        BudgetReport event = BudgetReport.newBuilder()
                .setParticipantId(report.participantId()).setService(coordination.service()).setSlot(report.slot())
                .setPeriodMillis(periodMillis).setPublishedAt(Instant.ofEpochMilli(report.publishedAt()))
                .setWaiting(report.waiting()).setStarved(report.starved()).setUsed(report.used())
                .setSpentMinute(report.spentMinute()).setRecentUsed(report.recentUsed())
                .setSpentHour(report.spentHour()).setSpentDay(report.spentDay())
                .setGrantSecond(report.nextGrants().perSecond()).setGrantMinute(report.nextGrants().minute())
                .setGrantHour(report.nextGrants().hour()).setGrantDay(report.nextGrants().day())
                .setThrottledAt(report.throttledAt())
                .setLeaving(report.leaving()).build();
        producer.send(new ProducerRecord<>(coordination.topic(), report.participantId(), event), (metadata, error) -> {
            if (error != null) {
                LOG.warn("Could not publish RE budget report for period {}", report.slot(), error);
            }
        });
    }

    private void read() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(100))) {
                        accept(record);
                    }
                } catch (RecordDeserializationException e) {
                    // A report this build cannot read (a newer schema?) must not stop the budget: skip it.
                    LOG.error("Skipping an unreadable RE budget report at {} offset {}", e.topicPartition(), e.offset(), e);
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
                forgetExpired();
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("RE budget reader stopped; this participant will fence itself", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void accept(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            reports.remove(record.key());
            return;
        }
        if (!(record.value() instanceof BudgetReport event)) {
            return;
        }
        if (event.getPeriodMillis() != periodMillis) {
            LOG.error("Participant {} divides the RE budget in periods of {} ms, this one in {} ms: shares cannot agree",
                    event.getParticipantId(), event.getPeriodMillis(), periodMillis);
        }
        ParticipantReport report = new ParticipantReport(event.getParticipantId(), event.getSlot(),
                event.getPublishedAt().toEpochMilli(), event.getWaiting(), event.getStarved(), event.getUsed(),
                event.getSpentMinute(), event.getRecentUsed(), event.getSpentHour(), event.getSpentDay(),
                new Grants(event.getGrantSecond(), event.getGrantMinute(), event.getGrantHour(), event.getGrantDay()),
                event.getThrottledAt(), event.getLeaving());
        Deque<ParticipantReport> history = reports.computeIfAbsent(report.participantId(), id -> new ArrayDeque<>());
        synchronized (history) {
            history.addLast(report);
            while (history.size() > REPORTS_KEPT) {
                history.removeFirst();
            }
        }
        if (report.participantId().equals(coordination.participantId())) {
            lastOwnEcho.accumulateAndGet(clock.millis(), Math::max);
        }
        if (report.throttledAt() > 0) {
            backOff(report.throttledAt());
        }
    }

    /**
     * Reports whose calls have all left the day window stand for nothing any more: forgotten here and removed from
     * the compacted topic (a tombstone; any participant may write it, writing it twice is harmless).
     */
    private void forgetExpired() {
        long horizon = currentSlot() - daySlots - settings.silentPeriods() - 2;
        for (Map.Entry<String, Deque<ParticipantReport>> entry : reports.entrySet()) {
            ParticipantReport newest;
            synchronized (entry.getValue()) {
                newest = entry.getValue().peekLast();
            }
            if (newest != null && newest.slot() < horizon) {
                reports.remove(entry.getKey());
                producer.send(new ProducerRecord<>(coordination.topic(), entry.getKey(), null));
            }
        }
    }

    private void ensureTopic(Map<String, Object> common) {
        try (Admin admin = Admin.create(common)) {
            NewTopic topic = new NewTopic(coordination.topic(), 1, (short) -1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the RE budget topic " + coordination.topic(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating the RE budget topic", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer creating the RE budget topic " + coordination.topic(), e);
        }
    }

    private RetailExpressException.Throttled noPermit(String operation) {
        return new RetailExpressException.Throttled(operation,
                "no RE API permit within " + settings.maxWait() + " (the shared budget is used up)", null);
    }
}
