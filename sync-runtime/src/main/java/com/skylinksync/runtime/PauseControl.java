package com.skylinksync.runtime;

import com.skylinksync.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Follows {@link Topics#OPS_CONTROL} in every pod, so {@code skylink pause|resume GROUP} reaches each pod of a
 * horizontally scaled service, however many there are and whichever partitions they own: the topic is compacted and
 * keyed by consumer group, every pod reads all of it without joining a group (no offsets, nothing to rebalance), and
 * the latest value for this pod's group decides — {@code PAUSED} makes the {@link EntityTopicConsumer} leave its
 * group, {@code RUNNING} makes it join again. A pod started while its group is paused reads the topic to its end
 * before its consumer would start (this bean starts in an earlier phase), so it never joins the group meanwhile.
 */
final class PauseControl implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PauseControl.class);
    static final String PAUSED = "PAUSED";
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final Map<String, Object> config;
    private final String group;
    private final EntityTopicConsumer target;

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;

    PauseControl(ConsumerFactory<String, Object> consumers, EntityTopicConsumer target) {
        Map<String, Object> settings = new HashMap<>(consumers.getConfigurationProperties());
        this.group = String.valueOf(settings.get(ConsumerConfig.GROUP_ID_CONFIG));
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "pause-control-" + group + "-" + System.identityHashCode(this));
        this.config = Map.copyOf(settings);
        this.target = target;
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(config);
        running = true;
        try {
            catchUp();
        } catch (RuntimeException unavailable) {
            // Kafka not there yet: the consumer would not get far either; the loop keeps trying.
            log.warn("Could not read {} at start ({}); following it in the background", Topics.OPS_CONTROL, unavailable.toString());
        }
        thread = Thread.ofPlatform().name("pause-control").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread loop = thread;
        if (loop != null) {
            try {
                loop.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the entity consumer starts, after it stops. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    /** Assigns every partition of the control topic (declared by the runtime) and applies what it holds up to its end. */
    private void catchUp() {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.OPS_CONTROL, CATCH_UP).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CATCH_UP);
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p, CATCH_UP) < end.get(p)) && System.nanoTime() < deadline) {
            consumer.poll(POLL).forEach(this::apply);
        }
    }

    private void loop() {
        try {
            while (running) {
                try {
                    if (consumer.assignment().isEmpty()) {
                        catchUp();
                    }
                    consumer.poll(POLL).forEach(this::apply);
                } catch (WakeupException stopping) {
                    break;
                } catch (RuntimeException trouble) {
                    if (!running) {
                        break;
                    }
                    log.warn("Following {} failed ({}); trying again", Topics.OPS_CONTROL, trouble.toString());
                    Thread.sleep(POLL.toMillis()); // a pause between attempts, not a wait for a condition
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (!group.equals(record.key())) {
            return;
        }
        if (PAUSED.equals(record.value())) {
            target.pause();
        } else {
            target.resume();
        }
    }
}
