package com.skylinksync.budget;

import com.skylinksync.connector.WorkPriority;
import com.skylinksync.retailexpress.CallPermits;
import com.skylinksync.retailexpress.RetailExpressAutoConfiguration;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/**
 * With {@code skylink.retail-express.budget.enabled=true}, joins the shared RE API budget at start-up and gives the
 * RE client's {@code RetailExpressTransport} an {@link ApiBudget} as its {@link CallPermits}; leaves it (freeing this replica's
 * share at once) when the context closes. The budget's Kafka clients are configured like the service's own (Boot's
 * {@link ProducerFactory}, {@link ConsumerFactory} and {@link KafkaAdmin}: every {@code spring.kafka.*} setting),
 * on {@code skylink.retail-express.budget.bootstrap-servers} if that is set.
 */
@AutoConfiguration(before = RetailExpressAutoConfiguration.class, after = KafkaAutoConfiguration.class)
@ConditionalOnProperty(prefix = "skylink.retail-express.budget", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(BudgetProperties.class)
public class ApiBudgetAutoConfiguration {

    /** Whose RE calls go first; the sync runtime sets it around each sync (one instance per application). */
    @Bean
    @ConditionalOnMissingBean
    public WorkPriority workPriority() {
        return new WorkPriority();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(CallPermits.class)
    public ApiBudget apiBudget(BudgetProperties properties, Environment environment, WorkPriority workPriority,
                               ObjectProvider<ProducerFactory<?, ?>> producers,
                               ObjectProvider<ConsumerFactory<?, ?>> consumers, ObjectProvider<KafkaAdmin> admin) {
        ProducerFactory<?, ?> producerFactory = producers.getIfUnique();
        ConsumerFactory<?, ?> consumerFactory = consumers.getIfUnique();
        KafkaAdmin kafkaAdmin = admin.getIfUnique();
        if (producerFactory == null || consumerFactory == null || kafkaAdmin == null) {
            throw new IllegalStateException("skylink.retail-express.budget.enabled=true needs Spring Boot's Kafka "
                    + "auto-configuration (one ProducerFactory, ConsumerFactory and KafkaAdmin) to configure its clients");
        }
        BudgetKafka kafka = BudgetKafka.of(producerFactory, consumerFactory, kafkaAdmin);
        if (properties.bootstrapServers() != null && !properties.bootstrapServers().isBlank()) {
            kafka = kafka.withBootstrapServers(properties.bootstrapServers());
        }
        if (!kafka.hasBootstrapServers()) {
            throw new IllegalStateException("skylink.retail-express.budget.enabled=true needs Kafka: set "
                    + "skylink.retail-express.budget.bootstrap-servers or spring.kafka.bootstrap-servers");
        }
        String service = properties.service() != null ? properties.service()
                : environment.getProperty("spring.application.name", "skylink");
        return ApiBudget.start(properties.toSettings(),
                new BudgetCoordination(properties.topic(), service + "-" + UUID.randomUUID(), service), kafka,
                workPriority);
    }
}
