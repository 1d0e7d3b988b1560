package com.skylinksync.gateway.consumergroups;

import com.skylinksync.gateway.kafka.OperatorViewProperties;
import com.skylinksync.gateway.kafka.TopicFollower;
import com.skylinksync.gateway.kafka.TopicReader;
import com.skylinksync.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Pausing and resuming a sync service's consumers: the command goes on the compacted {@link Topics#OPS_CONTROL}
 * topic, keyed by the consumer group, which every pod of every sync service follows (the runtime's
 * {@code PauseControl}): a paused pod closes its consumer and so leaves the group. The gateway follows the topic too,
 * for the state it shows. Blocking: call it on a thread that may block.
 */
final class GroupControl implements AutoCloseable {

    enum State { PAUSED, RUNNING }

    private final KafkaTemplate<Object, Object> kafka;
    private final Map<String, State> states = new HashMap<>();
    private final TopicFollower follower;

    GroupControl(ProducerFactory<Object, Object> producers, TopicReader reader, OperatorViewProperties views) {
        this.kafka = new KafkaTemplate<>(producers);
        this.follower = new TopicFollower("ops-control", reader.consumerConfig(), Topics.OPS_CONTROL::equals, record -> {
            if (record.key() != null && record.value() != null) {
                remember(record.key(), State.valueOf(new String(record.value(), StandardCharsets.UTF_8)));
            }
        }, views.topicRefresh());
    }

    /** Sends the command and waits until Kafka has it (acks=all). */
    void set(String group, State state) throws Exception {
        kafka.send(Topics.OPS_CONTROL, group, state.name().getBytes(StandardCharsets.UTF_8)).get(15, TimeUnit.SECONDS);
        remember(group, state);
    }

    /** The group's last command; RUNNING when it was never paused. */
    State state(String group) {
        synchronized (states) {
            return states.getOrDefault(group, State.RUNNING);
        }
    }

    private void remember(String group, State state) {
        synchronized (states) {
            states.put(group, state);
        }
    }

    @Override
    public void close() {
        follower.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class GroupControlConfiguration {

        @Bean
        GroupControl groupControl(ProducerFactory<Object, Object> producers, TopicReader reader, OperatorViewProperties views) {
            return new GroupControl(producers, reader, views);
        }

        /** Compacted, one partition: the latest command per group is all there is to know, kept for pods started later. */
        @Bean
        NewTopic opsControlTopic() {
            return TopicBuilder.name(Topics.OPS_CONTROL).partitions(1).compact().build();
        }
    }
}
