package com.skylinksync.sandbox.chaos.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.sandbox.chaos.ChaosReport;
import com.skylinksync.sandbox.chaos.ChaosTargets;
import com.skylinksync.sandbox.retailexpress.RetailExpressSimulator;
import com.skylinksync.sandbox.stack.LocalStack;
import com.skylinksync.sandbox.stack.StackPorts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A small chaos workload on the in-JVM stack (one gateway, one of each service, random ports): driven, settled and
 * checked, the report passes; then violations made directly through the simulators after the run (a second RE
 * acknowledgement, a second RE order for one Magento order) fail their rows, naming what broke them.
 *
 * <p>About 3 minutes on the shared build machine (the stack's start is most of it), so behind {@code -Dchaos=true};
 * {@link ChaosChecksTest} proves the checks fast in every build.
 */
@EnabledIfSystemProperty(named = "chaos", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosWorkloadTest {

    /** 300 entities over 20 s by default; {@code -Dchaos.entities=1500 -Dchaos.spread=PT60S} for the CI short form's size. */
    private static final int ENTITIES = Integer.getInteger("chaos.entities", 300);
    private static final Duration SPREAD = Duration.parse(System.getProperty("chaos.spread", "PT20S"));
    private static final Duration SETTLE = Duration.parse(System.getProperty("chaos.settle", "PT90S"));

    private final ChaosWorkload workload = ChaosWorkload.plan(13, ENTITIES);
    private LocalStack stack;
    private ChaosTargets targets;

    @BeforeAll
    void startTheStack() {
        stack = LocalStack.start(StackPorts.anyFree(), workload.store());
        targets = new ChaosTargets(stack.retailExpress(), stack.magento(), List.of(stack.gatewayUri()),
                stack.postgresJdbcUrl(), stack.kafkaBootstrapServers(), LocalStack.EDS_API_KEY, LocalStack.OPERATOR_TOKEN);
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aWorkloadOfEveryKindPassesEveryCheck() {
        System.out.println("CHAOS workload: " + workload.describe());
        long started = System.nanoTime();
        workload.drive(targets, SPREAD);
        long driven = System.nanoTime();
        ChaosReport report = workload.check(targets, List.of(), SETTLE);
        System.out.printf("CHAOS driven in %d s, settled and checked in %d s%n", (driven - started) / 1_000_000_000,
                (System.nanoTime() - driven) / 1_000_000_000);
        workload.injectedFaults().forEach(fault -> System.out.println("CHAOS fault " + fault));
        System.out.println(report.table());

        assertThat(report.checks()).extracting(ChaosReport.Check::name).hasSize(15);
        assertThat(report.passed()).as(report.table()).isTrue();
    }

    @Test
    @Order(2)
    void aSecondAcknowledgementAndASecondRetailExpressOrderFailTheirRows() throws Exception {
        String acknowledged = targets.retailExpress().processedChangeSets().getFirst();
        RetailExpressSoap.acknowledge(targets.retailExpress(), acknowledged);
        RetailExpressSimulator.ReceivedDocument order = targets.retailExpress().orderDocuments().stream()
                .filter(d -> d.orderId() != null).findFirst().orElseThrow();
        RetailExpressSoap.createOrder(targets.retailExpress(), order.xml());
        String magentoOrder = DuplicateChecks.first(DuplicateChecks.MAGENTO_ORDER, order.xml()).orElseThrow();

        ChaosReport report = workload.check(targets, List.of(), SETTLE);
        System.out.println(report.table());

        assertThat(row(report, "change sets acknowledged exactly once").violations())
                .containsExactly("change set " + acknowledged + " acknowledged 2 times");
        assertThat(row(report, "0 duplicate RE orders (per Magento order)").violations())
                .singleElement().asString().startsWith("Magento order " + magentoOrder + ": 2 (" + order.orderId() + ", 16-");
        assertThat(report.passed()).isFalse();
    }

    private static ChaosReport.Check row(ChaosReport report, String name) {
        ChaosReport.Check check = report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        assertThat(check.passed()).as(name).isFalse();
        return check;
    }
}
