package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.riskbudget.contracts.scenario.Scenario;
import org.riskbudget.contracts.scenario.ScenarioRunner;
import org.riskbudget.contracts.scenario.Scenarios;

/** The command-side steps of every worked scenario give exactly the scenario's answers over HTTP. */
class CommandSideScenariosTest extends LedgerServiceTest {

    static Stream<Scenario> scenarios() {
        return Scenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void commandStepsAnswerAsTheScenarioSays(Scenario scenario) {
        ScenarioRunner.Report report = new ScenarioRunner(base(), null).run(scenario);

        assertThat(report.stepsRun()).isPositive();
        assertThat(report.lastSequence()).isPositive();
    }
}
