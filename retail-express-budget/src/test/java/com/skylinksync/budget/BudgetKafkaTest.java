package com.skylinksync.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/** The budget's Kafka clients are configured from the service's spring.kafka.* settings, as Boot applied them. */
class BudgetKafkaTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"skylink\" password=\"not-a-secret\";";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
            .withPropertyValues("spring.kafka.bootstrap-servers=kafka-1:9093,kafka-2:9093",
                    "spring.kafka.client-id=customer-sync",
                    "spring.kafka.security.protocol=SASL_SSL",
                    "spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
                    "spring.kafka.properties.sasl.jaas.config=" + JAAS,
                    "spring.kafka.ssl.trust-store-location=file:/etc/skylink/kafka-truststore.p12",
                    "spring.kafka.ssl.trust-store-password=not-a-secret",
                    "spring.kafka.consumer.group-id=customer-sync-service",
                    "spring.kafka.admin.operation-timeout=7s");

    @Test
    void everyClientGetsTheServicesConnectionAndSecuritySettings() {
        runner.run(context -> {
            BudgetKafka kafka = fromBoot(context.getBean(ProducerFactory.class), context.getBean(ConsumerFactory.class),
                    context.getBean(KafkaAdmin.class));
            KafkaAdmin admin = kafka.admin();
            for (Map<String, Object> config : List.of(kafka.producerConfig(), kafka.consumerConfig(),
                    admin.getConfigurationProperties())) {
                assertThat(config.get("bootstrap.servers")).asString().contains("kafka-1:9093", "kafka-2:9093");
                assertThat(config).containsEntry("security.protocol", "SASL_SSL")
                        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                        .containsEntry("sasl.jaas.config", JAAS)
                        .containsEntry("ssl.truststore.password", "not-a-secret")
                        .containsEntry("client.id", "customer-sync-re-budget");
                assertThat(config.get("ssl.truststore.location")).asString().endsWith("kafka-truststore.p12");
            }
            assertThat(admin.getOperationTimeout()).isEqualTo(7);
        });
    }

    @Test
    void theBudgetsConsumerJoinsNoGroupAndItsProducerWaitsForAllReplicas() {
        runner.run(context -> {
            BudgetKafka kafka = fromBoot(context.getBean(ProducerFactory.class), context.getBean(ConsumerFactory.class),
                    context.getBean(KafkaAdmin.class));
            assertThat(kafka.consumerConfig()).doesNotContainKey("group.id")
                    .containsEntry("enable.auto.commit", false);
            assertThat(kafka.producerConfig()).containsEntry("acks", "all").doesNotContainKey("transactional.id");
        });
    }

    @Test
    void theBudgetsOwnBootstrapServersReplaceOnlyTheServers() {
        runner.run(context -> {
            BudgetKafka kafka = fromBoot(context.getBean(ProducerFactory.class), context.getBean(ConsumerFactory.class),
                    context.getBean(KafkaAdmin.class)).withBootstrapServers("budget-kafka:9093");
            for (Map<String, Object> config : List.of(kafka.producerConfig(), kafka.consumerConfig(),
                    kafka.admin().getConfigurationProperties())) {
                assertThat(config).containsEntry("bootstrap.servers", "budget-kafka:9093")
                        .containsEntry("security.protocol", "SASL_SSL");
            }
        });
    }

    @Test
    void knowsWhenNoServersAreConfigured() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
                .withPropertyValues("spring.kafka.bootstrap-servers=")
                .run(context -> assertThat(fromBoot(context.getBean(ProducerFactory.class),
                        context.getBean(ConsumerFactory.class), context.getBean(KafkaAdmin.class))
                        .hasBootstrapServers()).isFalse());
        assertThat(BudgetKafka.of("127.0.0.1:9092").hasBootstrapServers()).isTrue();
    }

    private static BudgetKafka fromBoot(ProducerFactory<?, ?> producers, ConsumerFactory<?, ?> consumers,
                                        KafkaAdmin admin) {
        return BudgetKafka.of(producers, consumers, admin);
    }
}
