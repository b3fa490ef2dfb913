package org.riskbudget.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.riskbudget.contracts.audit.AuditLogVerifier;
import org.riskbudget.contracts.audit.ChainHead;
import org.riskbudget.contracts.scenario.ApiClient;
import org.riskbudget.contracts.scenario.Scenario;
import org.riskbudget.contracts.scenario.ScenarioRunner;
import org.riskbudget.contracts.scenario.Scenarios;

/**
 * Every worked scenario, end to end over HTTP against the standalone stack: commands to ledger-service, reads from
 * projection-service after the projection applied each command's sequence, exact figures. Afterwards the regime's
 * audit log verifies against the chain head the projection shows.
 */
class ScenariosEndToEndTest {

    static Stream<Scenario> scenarios() {
        return Scenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theScenarioPassesEndToEndAndItsLogVerifies(Scenario scenario) {
        Stack stack = Stack.shared();

        ScenarioRunner.Report report = new ScenarioRunner(stack.ledger(), stack.projection()).run(scenario);

        assertThat(report.stepsSkipped()).isZero();
        String regimeId = scenario.steps().get(0).request().body().get("id").asString();
        ApiClient client = new ApiClient(stack.ledger());
        ApiClient.Answer budget = client.send("GET", stack.projection().resolve("/api/v1/regimes/" + regimeId
                + "/budget?minSequence=" + report.lastSequence()), client.token("VIEWER", null), null, null);
        ChainHead head = new ChainHead(budget.body().get("lastSequence").asLong(),
                budget.body().get("lastHash").asString());
        String log = client.send("GET", stack.ledger().resolve("/api/v1/regimes/" + regimeId + "/audit-log"),
                client.token("AUDITOR", null), null, null).text();

        AuditLogVerifier.Verdict verdict = AuditLogVerifier.verify(new StringReader(log), head);

        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.isClean()).isTrue();
        assertThat(head.sequence()).isEqualTo(report.lastSequence());
    }
}
