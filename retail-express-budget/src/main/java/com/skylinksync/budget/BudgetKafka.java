package com.skylinksync.budget;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/**
 * How the budget's Kafka clients (a producer, a consumer, an admin for the topic) are configured. In a Boot service
 * they start from the configuration of the service's own {@link ProducerFactory}, {@link ConsumerFactory} and
 * {@link KafkaAdmin}, i.e. from every {@code spring.kafka.*} setting with Boot's connection details and SSL bundles
 * applied: bootstrap servers, {@code client-id}, {@code security.protocol}, {@code sasl.*}, {@code ssl.*},
 * {@code spring.kafka.properties.*}. The budget then changes only what its own use needs: its consumer joins no group
 * (every participant reads every report), a configured client id gets {@value #CLIENT_ID_SUFFIX} appended, reports are
 * acknowledged by all replicas and sent at once.
 */
public final class BudgetKafka {

    static final String CLIENT_ID_SUFFIX = "-re-budget";
    private static final int DEFAULT_ADMIN_TIMEOUT_SECONDS = 30;

    private final Map<String, Object> producer;
    private final Map<String, Object> consumer;
    private final Map<String, Object> admin;
    private final int adminTimeoutSeconds;

    private BudgetKafka(Map<String, Object> producer, Map<String, Object> consumer, Map<String, Object> admin,
                        int adminTimeoutSeconds) {
        this.producer = Collections.unmodifiableMap(new HashMap<>(producer));
        this.consumer = Collections.unmodifiableMap(new HashMap<>(consumer));
        this.admin = Collections.unmodifiableMap(new HashMap<>(admin));
        this.adminTimeoutSeconds = adminTimeoutSeconds;
    }

    /** Boot's Kafka client defaults with these bootstrap servers: for tools and tests run without a Spring context. */
    public static BudgetKafka of(String bootstrapServers) {
        KafkaProperties properties = new KafkaProperties();
        properties.setBootstrapServers(List.of(bootstrapServers.split(",")));
        return new BudgetKafka(properties.buildProducerProperties(), properties.buildConsumerProperties(),
                properties.buildAdminProperties(), DEFAULT_ADMIN_TIMEOUT_SECONDS);
    }

    /** The configuration of a Boot service's own Kafka clients. */
    static BudgetKafka of(ProducerFactory<?, ?> producers, ConsumerFactory<?, ?> consumers, KafkaAdmin admin) {
        return new BudgetKafka(producers.getConfigurationProperties(), consumers.getConfigurationProperties(),
                admin.getConfigurationProperties(), admin.getOperationTimeout());
    }

    /** The same settings for another cluster ({@code skylink.retail-express.budget.bootstrap-servers}). */
    BudgetKafka withBootstrapServers(String servers) {
        return new BudgetKafka(with(producer, CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers),
                with(consumer, CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers),
                with(admin, CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers), adminTimeoutSeconds);
    }

    /** True if the producer, the consumer and the admin all know where Kafka is. */
    boolean hasBootstrapServers() {
        return List.of(producer, consumer, admin).stream()
                .allMatch(config -> !servers(config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)).isBlank());
    }

    Map<String, Object> producerConfig() {
        Map<String, Object> config = ownClientId(producer);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG); // a report stands alone: no transactions
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }

    Map<String, Object> consumerConfig() {
        Map<String, Object> config = ownClientId(consumer);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // not the service's group: every participant reads everything
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return config;
    }

    /** An admin for the budget topic, with the service's {@code spring.kafka.admin.operation-timeout}. */
    KafkaAdmin admin() {
        KafkaAdmin kafkaAdmin = new KafkaAdmin(ownClientId(admin));
        kafkaAdmin.setOperationTimeout(adminTimeoutSeconds);
        return kafkaAdmin;
    }

    private static Map<String, Object> ownClientId(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        Object clientId = config.get(CommonClientConfigs.CLIENT_ID_CONFIG);
        if (clientId != null && !clientId.toString().isBlank()) {
            config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId + CLIENT_ID_SUFFIX);
        }
        return config;
    }

    private static Map<String, Object> with(Map<String, Object> settings, String key, Object value) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(key, value);
        return config;
    }

    private static String servers(Object value) {
        if (value instanceof Collection<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return value == null ? "" : value.toString();
    }
}
