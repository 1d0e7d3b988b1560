package com.skylinksync.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.connector.WorkPriority;
import com.skylinksync.retailexpress.CallPermits;
import com.skylinksync.retailexpress.RetailExpressAutoConfiguration;
import com.skylinksync.sandbox.infra.KafkaBroker;
import java.lang.management.ManagementFactory;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ApiBudgetAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ApiBudgetAutoConfiguration.class,
                    RetailExpressAutoConfiguration.class, KafkaAutoConfiguration.class));

    @Test
    void isRegisteredForBootToFind() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(ApiBudgetAutoConfiguration.class.getName());
    }

    @Test
    void isOffUnlessEnabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CallPermits.class));
    }

    @Test
    void saysWhichPropertyIsMissingWithoutKafka() {
        // blank, not absent: the embedded broker of another test may have left its address in a system property
        runner.withPropertyValues("skylink.retail-express.budget.enabled=true", "spring.kafka.bootstrap-servers=")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("spring.kafka.bootstrap-servers"));
    }

    @Test
    void joinsTheBudgetAndBudgetsTheClient() {
        try (KafkaBroker broker = KafkaBroker.start(1)) {
            runner.withPropertyValues("skylink.retail-express.budget.enabled=true",
                            "spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                            "spring.application.name=customer-sync", "skylink.retail-express.budget.per-minute=300",
                            "skylink.retail-express.endpoint=http://127.0.0.1:8082/re/ecommerce.svc",
                            "skylink.retail-express.client-id=6f1c2a52-9d1e-4d6b-8a7e-3c2b1a0f9e8d",
                            "skylink.retail-express.username=skylink", "skylink.retail-express.password=x")
                    .run(context -> {
                        ApiBudget budget = context.getBean(ApiBudget.class);
                        assertThat(context.getBean(CallPermits.class)).isSameAs(budget);
                        assertThat(budget.participantId()).startsWith("customer-sync-");
                        assertThat(context.getBean(BudgetProperties.class).toSettings().limits())
                                .isEqualTo(new BudgetLimits(25, 300, 30_000, 150_000));
                    });
        }
    }

    @Test
    void itsKafkaClientsAreConfiguredBySpringKafka() {
        try (KafkaBroker broker = KafkaBroker.start(1)) {
            runner.withPropertyValues("skylink.retail-express.budget.enabled=true",
                            "spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                            "spring.kafka.client-id=budget-proof")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        // the live clients, as registered by Kafka itself under their client.id
                        assertThat(kafkaClientIds("kafka.consumer")).contains("budget-proof-re-budget");
                        assertThat(kafkaClientIds("kafka.producer")).anyMatch(id -> id.startsWith("budget-proof-re-budget"));
                        assertThat(context).hasSingleBean(WorkPriority.class);
                    });
        }
    }

    @Test
    void itsOwnBootstrapServersWinOverSpringKafkasAndTheServicesWorkPriorityIsUsed() {
        WorkPriority services = new WorkPriority();
        try (KafkaBroker broker = KafkaBroker.start(1)) {
            runner.withBean(WorkPriority.class, () -> services)
                    .withPropertyValues("skylink.retail-express.budget.enabled=true",
                            "spring.kafka.bootstrap-servers=127.0.0.1:9", // nothing listens there
                            "spring.kafka.admin.operation-timeout=5s",
                            "skylink.retail-express.budget.bootstrap-servers=" + broker.bootstrapServers())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(WorkPriority.class)).isSameAs(services);
                        ApiBudget budget = context.getBean(ApiBudget.class);
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        while (budget.status().fenced() && System.nanoTime() < deadline) {
                            TimeUnit.MILLISECONDS.sleep(20);
                        }
                        assertThat(budget.status().fenced()).as("its reports come back from the budget's Kafka")
                                .isFalse();
                    });
        }
    }

    private static Set<String> kafkaClientIds(String domain) throws Exception {
        return ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName(domain + ":type=app-info,*"), null)
                .stream().map(name -> name.getKeyProperty("id")).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
