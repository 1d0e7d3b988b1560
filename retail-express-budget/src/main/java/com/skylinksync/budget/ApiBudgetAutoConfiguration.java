package com.skylinksync.budget;

import com.skylinksync.connector.WorkPriority;
import com.skylinksync.retailexpress.CallPermits;
import com.skylinksync.retailexpress.RetailExpressAutoConfiguration;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    /**
     * This participant's budget as metrics: {@code skylink.re.budget.calls} and {@code .throttle.faults} (counters),
     * {@code .grant{window}} (what it may spend this period), {@code .waiting}, {@code .fenced}, {@code .throttle.factor}.
     * The cluster-wide spend per window is the gateway's ({@code skylink.re.budget.window.spent}), read from the
     * budget topic, because a participant knows only its own spend.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class BudgetMetrics {

        @Bean
        MeterBinder retailExpressBudgetMeters(ObjectProvider<ApiBudget> budgets) {
            return registry -> budgets.ifAvailable(budget -> {
                FunctionCounter.builder("skylink.re.budget.calls", budget, b -> b.status().calls())
                        .description("RE calls this participant made under the shared budget").register(registry);
                FunctionCounter.builder("skylink.re.budget.throttle.faults", budget, b -> b.status().throttleFaults())
                        .description("Throttle faults RE answered this participant").register(registry);
                Gauge.builder("skylink.re.budget.waiting", budget, b -> b.status().waiting())
                        .description("Callers waiting for an RE permit").register(registry);
                Gauge.builder("skylink.re.budget.fenced", budget, b -> b.status().fenced() ? 1 : 0)
                        .description("1 while this participant cannot see its own reports (it makes no calls)").register(registry);
                Gauge.builder("skylink.re.budget.throttle.factor", budget, b -> b.status().throttleFactor())
                        .description("Pace multiplier after a throttle fault (1 when none is in force)").register(registry);
                grant(registry, budget, "second", Grants::perSecond);
                grant(registry, budget, "minute", Grants::minute);
                grant(registry, budget, "hour", Grants::hour);
                grant(registry, budget, "day", Grants::day);
            });
        }

        private static void grant(MeterRegistry registry, ApiBudget budget, String window, ToDoubleFunction<Grants> share) {
            Gauge.builder("skylink.re.budget.grant", budget, b -> share.applyAsDouble(b.status().grants()))
                    .description("Calls this participant may make this period by each window's share (per second for the second window)")
                    .tag("window", window).register(registry);
        }
    }
}
