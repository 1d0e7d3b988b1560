package com.skylinksync.budget;

import com.skylinksync.retailexpress.CallPermits;
import com.skylinksync.retailexpress.RetailExpressAutoConfiguration;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * With {@code skylink.retail-express.budget.enabled=true}, joins the shared RE API budget at start-up and gives the
 * {@code RetailExpressClient} an {@link ApiBudget} as its {@link CallPermits}; leaves it (freeing this replica's
 * share at once) when the context closes.
 */
@AutoConfiguration(before = RetailExpressAutoConfiguration.class)
@ConditionalOnProperty(prefix = "skylink.retail-express.budget", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(BudgetProperties.class)
public class ApiBudgetAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(CallPermits.class)
    public ApiBudget apiBudget(BudgetProperties properties, Environment environment) {
        String bootstrap = properties.bootstrapServers() != null ? properties.bootstrapServers()
                : environment.getProperty("spring.kafka.bootstrap-servers");
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalStateException("skylink.retail-express.budget.enabled=true needs Kafka: set "
                    + "skylink.retail-express.budget.bootstrap-servers or spring.kafka.bootstrap-servers");
        }
        String service = properties.service() != null ? properties.service()
                : environment.getProperty("spring.application.name", "skylink");
        return ApiBudget.start(properties.toSettings(), new BudgetCoordination(bootstrap, properties.topic(),
                service + "-" + UUID.randomUUID(), service, Map.of()));
    }
}
