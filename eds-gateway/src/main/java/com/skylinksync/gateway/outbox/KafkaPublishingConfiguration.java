package com.skylinksync.gateway.outbox;

import com.skylinksync.gateway.GatewayProperties;
import com.skylinksync.schemas.TopicCatalog;
import com.skylinksync.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics the gateway writes and reads, and the producer guarantees the outbox relies on. */
@Configuration(proxyBeanMethods = false)
class KafkaPublishingConfiguration {

    /**
     * Brokers do not auto-create topics, so the gateway declares what it needs; KafkaAdmin creates missing ones at
     * start-up and leaves existing ones alone (their partition counts are never lowered).
     */
    @Bean
    KafkaAdmin.NewTopics gatewayTopics(GatewayProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String entityTopic : List.of(Topics.CUSTOMERS, Topics.PRICE_GROUPS, Topics.ATTRIBUTES, Topics.PRODUCTS,
                Topics.ORDERS, Topics.OUTLETS)) {
            topics.add(topic(entityTopic, properties));
            topics.add(topic(Topics.backlog(entityTopic), properties)); // where bulk expansion publishes
        }
        topics.add(topic(Topics.COMPLETIONS, properties));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, GatewayProperties properties) {
        // Created as the catalogue says (retention, cleanup policy), as deploy/'s KafkaTopics are.
        TopicCatalog.TopicSpec spec = TopicCatalog.spec(name, properties.topicPartitions());
        return TopicBuilder.name(spec.name()).partitions(spec.partitions()).configs(spec.config()).build();
    }

    /**
     * Whatever the configuration says, the outbox deletes a row only after every in-sync replica has the event
     * ({@code acks=all}), and producer retries never duplicate or reorder it ({@code enable.idempotence}).
     * The relay sends bytes the registry already serialized, keyed by the RE entity id.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer outboxProducerGuarantees() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }
}
