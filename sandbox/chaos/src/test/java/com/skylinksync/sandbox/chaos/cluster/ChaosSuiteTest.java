package com.skylinksync.sandbox.chaos.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.skylinksync.sandbox.chaos.ChaosEvent;
import com.skylinksync.sandbox.chaos.workload.ChaosWorkload;
import org.junit.jupiter.api.Test;

/**
 * The chaos suite's short form in {@code ./mvnw verify}: {@link ChaosRun#shortForm} (1,500 entities, 2 SIGKILLs, one
 * broker restart) against the cluster of separate processes; fails when any of the workload's checks does. The full
 * form is {@code ./chaos} (README, "Chaos suite"). {@code -Dchaos.seed=N} runs another seed.
 */
class ChaosSuiteTest {

    @Test
    void theShortFormLosesNothingAndDuplicatesNothingThroughKillsAndABrokerRestart() {
        ChaosRun run = ChaosRun.shortForm(Long.getLong("chaos.seed", 13));
        ChaosWorkload workload = ChaosWorkload.plan(run.seed(), run.entities());

        ChaosRun.Result result = run.run(workload, System.out);

        assertThat(result.passed()).as(result.report().table()).isTrue();
        assertThat(result.events()).filteredOn(e -> e.kind() == ChaosEvent.Kind.KILLED && !ChaosCluster.BROKER.equals(e.target()))
                .hasSizeGreaterThanOrEqualTo(run.kills());
        assertThat(result.events()).filteredOn(e -> e.kind() == ChaosEvent.Kind.BROKER_RESTARTED).hasSize(1);
        assertThat(result.restarts()).filteredOn(r -> !ChaosCluster.BROKER.equals(r.target()))
                .allSatisfy(r -> assertThat(r.exitCode()).as("SIGKILL").isEqualTo(137));
        assertThat(result.footprint()).allSatisfy(row -> assertThat(row).endsWith("|yes"));
    }
}
