package com.skylinksync.sandbox.infra;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node Kafka broker (KRaft) in this JVM, from spring-kafka-test: what tests and the local stack run on.
 * It always listens on a free port of its choosing ({@link #bootstrapServers()} says which): spring-kafka's KRaft
 * broker cannot be given a port (spring-kafka issue 2916).
 */
public final class KafkaBroker implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private KafkaBroker(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    public static KafkaBroker start(int defaultPartitions) {
        var broker = new EmbeddedKafkaKraftBroker(1, defaultPartitions);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1"));
        broker.afterPropertiesSet();
        return new KafkaBroker(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
