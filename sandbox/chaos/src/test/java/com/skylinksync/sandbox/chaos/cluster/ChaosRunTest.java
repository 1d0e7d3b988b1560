package com.skylinksync.sandbox.chaos.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The run's plan and command line, without a cluster. */
class ChaosRunTest {

    @Test
    void theKillPlanIsSeededAndFallsInsideTheSpreadWithOneBrokerRestart() {
        ChaosRun run = ChaosRun.fullForm(42);
        assertThat(run.plan()).isEqualTo(ChaosRun.fullForm(42).plan()).isNotEqualTo(ChaosRun.fullForm(43).plan());
        assertThat(run.plan()).hasSize(run.kills() + 1);
        assertThat(run.plan()).filteredOn(ChaosRun.Action::broker).singleElement()
                .satisfies(a -> assertThat(a.at()).isBetween(percent(run, 30), percent(run, 70)));
        assertThat(run.plan()).allSatisfy(a -> assertThat(a.at()).isBetween(percent(run, 10), percent(run, 90)));
        assertThat(run.plan()).isSortedAccordingTo(java.util.Comparator.comparing(ChaosRun.Action::at));
    }

    @Test
    void theCommandDefaultsToTheFullFormAndTakesItsFlags() {
        ChaosRun defaults = ChaosRunArguments.parse(new String[0]);
        assertThat(defaults.entities()).isGreaterThanOrEqualTo(10_000);
        assertThat(defaults.kills()).isGreaterThanOrEqualTo(5);
        assertThat(defaults.brokerStop()).isEqualTo(BrokerStop.GRACEFUL);

        ChaosRun given = ChaosRunArguments.parse(new String[] {"--seed", "7", "--entities=20,000", "--kills", "8",
                "--spread", "600s", "--settle=1200", "--broker-stop", "crash"});
        assertThat(given.seed()).isEqualTo(7);
        assertThat(given.entities()).isEqualTo(20_000);
        assertThat(given.kills()).isEqualTo(8);
        assertThat(given.spread()).isEqualTo(Duration.ofSeconds(600));
        assertThat(given.settle()).isEqualTo(Duration.ofSeconds(1200));
        assertThat(given.brokerStop()).isEqualTo(BrokerStop.CRASH);
    }

    @Test
    void aBadFlagIsNamed() {
        assertThatThrownBy(() -> ChaosRunArguments.parse(new String[] {"--kils", "3"})).hasMessageContaining("--kils");
        assertThatThrownBy(() -> ChaosRunArguments.parse(new String[] {"--entities", "many"}))
                .hasMessageContaining("--entities takes a whole number");
        assertThatThrownBy(() -> ChaosRunArguments.parse(new String[] {"--broker-stop", "nicely"}))
                .hasMessageContaining("graceful (SIGTERM) or crash (SIGKILL)");
        assertThatThrownBy(() -> ChaosRunArguments.parse(new String[] {"--seed"})).hasMessageContaining("--seed needs a value");
        assertThatThrownBy(() -> ChaosRunArguments.parse(new String[] {"--entities", "0"})).hasMessageContaining("entities must be positive");
    }

    private static Duration percent(ChaosRun run, int percent) {
        return run.spread().multipliedBy(percent).dividedBy(100);
    }
}
