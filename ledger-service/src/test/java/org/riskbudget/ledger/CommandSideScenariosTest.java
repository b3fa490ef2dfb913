package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.riskbudget.contracts.audit.AuditLogVerifier;
import org.riskbudget.contracts.scenario.ApiClient;
import org.riskbudget.contracts.scenario.Scenario;
import org.riskbudget.contracts.scenario.ScenarioRunner;
import org.riskbudget.contracts.scenario.Scenarios;

/**
 * The command-side steps of every worked scenario give exactly the scenario's answers over HTTP; the audit log the
 * scenario leaves verifies independently, and the figures the scenario expects of the read side are the figures
 * an auditor's replay of that log computes at each read step.
 */
class CommandSideScenariosTest extends LedgerServiceTest {

    static Stream<Scenario> scenarios() {
        return Scenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void commandStepsAnswerAsTheScenarioSaysAndTheLogVerifies(Scenario scenario) {
        List<Map.Entry<Scenario.Step, Long>> reads = new ArrayList<>();
        ScenarioRunner.Report report = new ScenarioRunner(base(), null)
                .onSkippedRead((step, sequence) -> reads.add(Map.entry(step, sequence))).run(scenario);
        assertThat(report.stepsRun()).isPositive();

        String regimeId = scenario.steps().get(0).request().body().get("id").asString();
        List<String> log = Arrays.asList(get("/api/v1/regimes/" + regimeId + "/audit-log", "AUDITOR", null).text()
                .split("\n"));
        AuditLogVerifier.Verdict verdict = verify(log);
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.isClean()).isTrue();
        assertThat(verdict.books().lastSequence()).isEqualTo(report.lastSequence());

        for (Map.Entry<Scenario.Step, Long> read : reads) {
            Scenario.Step step = read.getKey();
            AuditLogVerifier.Verdict atThatPoint = verify(log.subList(0, read.getValue().intValue()));
            ScenarioRunner.check(scenario.name() + " read step " + step.request().path() + " against the replayed log",
                    step.expect(), new ApiClient.Answer(200, "application/json",
                            BooksAsReadViews.answer(step.request().path(), atThatPoint.books()), ""));
        }
    }

    private static AuditLogVerifier.Verdict verify(List<String> lines) {
        return AuditLogVerifier.verify(new StringReader(String.join("\n", lines)), null);
    }
}
