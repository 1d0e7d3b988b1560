package com.skylinksync.gateway.kafka;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every topic whose name {@code follows} from its beginning and then keeps reading what is appended, on one
 * thread of its own, handing each record to {@code handler} once: what the operator views (dead letters, parked
 * writes, the RE budget, paused groups) are built from, so a request reads the view, never the topic. Group-less
 * (nothing is committed, no group is joined): every gateway replica keeps its own view. Topics created later (a new
 * service's {@code .dlt}) are found by listing the topics every {@code refresh}. A request that must see what was
 * written before it ({@link #catchUp}) asks the follower to look for new topics and read up to the end offsets of
 * that moment: a metadata call and an offsets call, no record read twice.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final Map<String, Object> config;
    private final Predicate<String> follows;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final Duration refresh;
    private final AtomicLong recordsRead = new AtomicLong();
    private final AtomicLong requested = new AtomicLong();
    private long served;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;

    /**
     * @param config  a group-less consumer's settings ({@link TopicReader#consumerConfig()})
     * @param follows which topics to follow, by name
     * @param handler called on the follower's thread for each record, in offset order per partition
     * @param refresh how often the topic list is read again for new matching topics
     */
    public TopicFollower(String name, Map<String, Object> config, Predicate<String> follows,
                         Consumer<ConsumerRecord<String, byte[]>> handler, Duration refresh) {
        this.name = name;
        this.config = config;
        this.follows = follows;
        this.handler = handler;
        this.refresh = refresh;
        this.thread = Thread.ofPlatform().name("follow-" + name).daemon(true).start(this::loop);
    }

    /**
     * Waits (up to {@code wait}) until the follower has handled every record written to its topics before this call,
     * including topics created since its last refresh; false if it could not in time (the view is then a little behind).
     */
    public boolean catchUp(Duration wait) {
        long ticket = requested.incrementAndGet();
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            notifyAll();
            while (served < ticket && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return served >= ticket;
        }
    }

    /** How many records this follower has read from Kafka since it started: each record once. */
    public long recordsRead() {
        return recordsRead.get();
    }

    private void loop() {
        long nextRefresh = 0;
        Set<TopicPartition> assigned = new HashSet<>();
        while (running) {
            try {
                if (consumer == null) {
                    consumer = new KafkaConsumer<>(config);
                    assigned.clear();
                    nextRefresh = 0;
                }
                long wanted = requested.get();
                if (wanted > served) {
                    assign(assigned);
                    nextRefresh = System.nanoTime() + refresh.toNanos();
                    Map<TopicPartition, Long> end = assigned.isEmpty() ? Map.of() : consumer.endOffsets(assigned, TIMEOUT);
                    while (running && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), TIMEOUT) < e.getValue())) {
                        handle(consumer.poll(POLL));
                    }
                    synchronized (this) {
                        served = wanted;
                        notifyAll();
                    }
                }
                if (System.nanoTime() >= nextRefresh) {
                    assign(assigned);
                    nextRefresh = System.nanoTime() + refresh.toNanos();
                }
                if (assigned.isEmpty()) {
                    waitForRefresh(nextRefresh);
                    continue;
                }
                handle(consumer.poll(POLL));
            } catch (WakeupException stopping) {
                break;
            } catch (RuntimeException trouble) {
                if (!running) {
                    break;
                }
                log.warn("{}: following topics failed ({}); starting over from the next record", name, trouble.toString());
                waitForRefresh(System.nanoTime() + TIMEOUT.toNanos() / 5);
            }
        }
        KafkaConsumer<String, byte[]> last = consumer;
        if (last != null) {
            last.close(Duration.ofSeconds(2));
        }
    }

    private void handle(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            recordsRead.incrementAndGet();
            try {
                handler.accept(record);
            } catch (RuntimeException unreadable) {
                log.warn("{}: could not take {}-{}@{}: {}", name, record.topic(), record.partition(), record.offset(),
                        unreadable.toString());
            }
        }
    }

    /** Adds the partitions of matching topics not assigned yet, each read from its beginning. */
    private void assign(Set<TopicPartition> assigned) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(TIMEOUT);
        Set<TopicPartition> added = new HashSet<>();
        topics.forEach((topic, partitions) -> {
            if (follows.test(topic)) {
                partitions.forEach(p -> {
                    TopicPartition partition = new TopicPartition(topic, p.partition());
                    if (!assigned.contains(partition)) {
                        added.add(partition);
                    }
                });
            }
        });
        if (!added.isEmpty()) {
            assigned.addAll(added);
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
        }
    }

    private void waitForRefresh(long until) {
        long millis = Math.max(0, (until - System.nanoTime()) / 1_000_000);
        synchronized (this) {
            try {
                if (running && millis > 0 && requested.get() <= served) {
                    wait(Math.min(millis, POLL.toMillis() * 5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
