package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Malformed input answers 400 VALIDATION_FAILED naming the parameter, and changes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadParametersTest extends ProjectionServiceTest {

    private String base;
    private List<JsonNode> before;

    @BeforeAll
    void aRegime() {
        RegimeEvents regime = EssayEvents.build(RegimeEvents.uniqueRegimeId("params"), start());
        topic().send(regime.all());
        budgetAt(regime.regimeId.value(), EssayEvents.LAST_SEQUENCE);
        base = "/api/v1/regimes/" + regime.regimeId.value();
        before = answers();
    }

    @Test
    void malformedParametersAreNamed() {
        refused(base + "/budget?asOf=yesterday", "asOf");
        refused(base + "/budget?asOf=2027-13-01T00:00:00Z", "asOf");
        refused(base + "/budget?minSequence=-1", "minSequence");
        refused(base + "/budget?minSequence=many", "minSequence");
        refused(base + "/companies?limit=0", "limit");
        refused(base + "/companies?limit=1001", "limit");
        refused(base + "/companies?limit=ten", "limit");
        refused(base + "/companies?after=%25%25%25", "after");
        refused(base + "/burn-down?after=bm90LWEtbnVtYmVy", "after");
        refused(base + "/safety-cases?status=DEPLOYED", "status");
        refused(base + "/safety-cases?status=accepted", "status");
        refused(base + "/safety-cases?companyId=-frontier", "companyId");
        refused("/api/v1/regimes/-global/budget", "regimeId");
        refused(base + "/companies/frontier%20a", "companyId");
        refused(base + "/safety-cases/" + "x".repeat(65), "caseId");
        refused(base + "/budget?stauts=ACCEPTED", "stauts");
        refused(base + "/companies?limit=1&limit=2", "limit");
        refused(base + "/companies/frontier-a/statement?asOf=soon", "asOf");
        refused(base + "/companies?after=%E2%82", "query string");
        // Instants Java parses but the database cannot hold; each once answered 500.
        refused(base + "/budget?asOf=%2B999999999-12-31T23:59:59Z", "asOf");
        refused(base + "/budget?asOf=%2B1000000000-12-31T23:59:59.999999999Z", "asOf");
        refused(base + "/budget?asOf=-1000000000-01-01T00:00:00Z", "asOf");
        refused(base + "/companies/frontier-a/statement?asOf=%2B10000-01-01T00:00:00Z", "asOf");
        assertThat(viewer(base + "/companies?limit=1000").status()).isEqualTo(200);
        assertThat(viewer(base + "/budget?asOf=2027-01-01T00:00:00%2B01:00").status()).isIn(200, 404);
    }

    /** Refused by the security firewall or by Tomcat, before any controller: problem+json all the same. */
    @Test
    void aPathRefusedBeforeAnyControllerIsAnsweredInProblemJson() {
        assertProblem(get("/api/v1/regimes//budget", "VIEWER", null), 400, "VALIDATION_FAILED", null);
        assertProblem(get("/api/v1/regimes/a%2Fb/budget", "VIEWER", null), 400, "VALIDATION_FAILED", null);
        assertProblem(get("/api/v1/regimes/" + "a".repeat(10_000) + "/budget", "VIEWER", null), 400,
                "VALIDATION_FAILED", null);
    }

    @Test
    void refusedReadsChangeNothing() {
        malformedParametersAreNamed();
        assertThat(answers()).isEqualTo(before);
    }

    private void refused(String path, String parameter) {
        assertProblem(get(path, "REGULATOR", null), 400, "VALIDATION_FAILED", parameter);
    }

    private List<JsonNode> answers() {
        return List.of(read(base + "/budget"), read(base + "/companies"), read(base + "/safety-cases"),
                read(base + "/burn-down?limit=1000"));
    }
}
