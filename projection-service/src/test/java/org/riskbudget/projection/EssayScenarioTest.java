package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.riskbudget.contracts.event.LedgerEvent;
import tools.jackson.databind.JsonNode;

/**
 * The essay scenario's events, published as the ledger publishes them, give exactly the scenario's read figures;
 * and the same events say what the budget was at any earlier time, how it burned down, and what each company's
 * statement is, tied to the audit chain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EssayScenarioTest extends ProjectionServiceTest {

    private String regimeId;
    private RegimeEvents regime;
    private String base;

    @BeforeAll
    void publishTheScenario() {
        regimeId = RegimeEvents.uniqueRegimeId("essay");
        regime = EssayEvents.build(regimeId, start());
        base = "/api/v1/regimes/" + regimeId;
        topic().send(regime.all());
        budgetAt(regimeId, EssayEvents.LAST_SEQUENCE);
    }

    @Test
    void figuresAreExactlyTheScenarios() {
        JsonNode frontierA = read(base + "/companies/frontier-a");
        assertThat(frontierA.get("allocatedPpb").asLong()).isEqualTo(1_000_000);
        assertThat(frontierA.get("availablePpb").asLong()).isEqualTo(-2_801_092);
        assertThat(frontierA.get("reservedPpb").asLong()).isZero();
        assertThat(frontierA.get("spentPpb").asLong()).isEqualTo(4_001_092);
        assertThat(frontierA.get("netTransferredPpb").asLong()).isEqualTo(200_000);
        assertThat(frontierA.get("status").asString()).isEqualTo("PAUSE_REQUIRED");

        JsonNode frontierB = read(base + "/companies/frontier-b");
        assertThat(frontierB.get("availablePpb").asLong()).isEqualTo(550_000);
        assertThat(frontierB.get("spentPpb").asLong()).isZero();
        assertThat(frontierB.get("netTransferredPpb").asLong()).isEqualTo(-200_000);
        assertThat(frontierB.get("status").asString()).isEqualTo("ACTIVE");

        JsonNode casesOfC = read(base + "/safety-cases?companyId=frontier-c");
        assertThat(casesOfC.get("items")).hasSize(1);
        assertThat(casesOfC.at("/items/0/caseId").asString()).isEqualTo("c-cirrus-1");
        assertThat(casesOfC.at("/items/0/flags/0").asString()).isEqualTo("DEPENDENCY_COMPROMISED");
        assertThat(casesOfC.at("/items/0/dependsOn/0").asString()).isEqualTo("a-atlas-7");

        JsonNode atlas = read(base + "/safety-cases/a-atlas-7");
        assertThat(atlas.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(atlas.get("riskPpb").asLong()).isEqualTo(4_001_092);
        assertThat(atlas.get("chargedPpb").asLong()).isEqualTo(4_001_092);
        assertThat(atlas.get("flags")).isEmpty();

        JsonNode budget = read(base + "/budget");
        assertThat(budget.get("capPpb").asLong()).isEqualTo(2_500_000);
        assertThat(budget.get("allocatedPpb").asLong()).isEqualTo(2_250_000);
        assertThat(budget.get("unallocatedPpb").asLong()).isEqualTo(250_000);
        assertThat(budget.get("reservedPpb").asLong()).isZero();
        assertThat(budget.get("spentPpb").asLong()).isEqualTo(4_233_072);
        assertThat(budget.get("remainingPpb").asLong()).isEqualTo(-1_733_072);
        assertThat(budget.get("status").asString()).isEqualTo("CAP_EXCEEDED");
        assertThat(budget.get("lastSequence").asLong()).isEqualTo(EssayEvents.LAST_SEQUENCE);
        assertThat(budget.get("lastHash").asString()).isEqualTo(regime.get(EssayEvents.LAST_SEQUENCE).hash());
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        List<JsonNode> before = answers();
        double duplicates = meters.counter("projection.events.duplicates").count();

        topic().send(regime.all());

        Awaitility.await("the redelivered events are skipped").untilAsserted(() ->
                assertThat(meters.counter("projection.events.duplicates").count())
                        .isGreaterThanOrEqualTo(duplicates + EssayEvents.LAST_SEQUENCE));
        assertThat(answers()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM regime_history WHERE regime_id = ?", Long.class,
                regimeId)).isEqualTo(EssayEvents.LAST_SEQUENCE);
    }

    @Test
    void asOfAnswersThePast() {
        // Right after c-cirrus-1 was accepted (event 12), before the smoking gun: within the cap.
        JsonNode beforeRevision = read(base + "/budget?asOf=" + regime.at(12).plusMillis(500));
        assertThat(beforeRevision.get("lastSequence").asLong()).isEqualTo(12);
        assertThat(beforeRevision.get("spentPpb").asLong()).isEqualTo(922_599 + 231_980);
        assertThat(beforeRevision.get("remainingPpb").asLong()).isEqualTo(2_500_000 - 922_599 - 231_980);
        assertThat(beforeRevision.get("status").asString()).isEqualTo("WITHIN_CAP");
        assertThat(beforeRevision.get("lastHash").asString()).isEqualTo(regime.get(12).hash());

        JsonNode atOpening = read(base + "/budget?asOf=" + regime.at(1));
        assertThat(atOpening.get("unallocatedPpb").asLong()).isEqualTo(2_500_000);
        assertThat(atOpening.get("lastSequence").asLong()).isEqualTo(1);

        assertProblem(viewer(base + "/budget?asOf=" + regime.at(1).minusSeconds(1)), 404, "NOT_FOUND", regimeId);
    }

    @Test
    void theBurnDownHasOnePointPerEventInSequenceOrder() {
        List<JsonNode> points = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = read(base + "/burn-down?limit=5" + (next == null ? "" : "&after=" + next));
            page.get("items").forEach(points::add);
            next = page.path("next").isString() ? page.get("next").asString() : null;
        } while (next != null);
        assertThat(points).extracting(point -> point.get("sequence").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
        JsonNode last = points.get(13);
        assertThat(last.get("spentPpb").asLong()).isEqualTo(4_233_072);
        assertThat(last.get("remainingPpb").asLong()).isEqualTo(-1_733_072);
        assertThat(last.get("allocatedPpb").asLong()).isEqualTo(2_250_000);
        JsonNode afterSubmission = points.get(7);
        assertThat(afterSubmission.get("reservedPpb").asLong()).isEqualTo(922_599);
        assertThat(afterSubmission.get("occurredAt").asString()).isEqualTo(regime.at(8).toString());
    }

    @Test
    void theStatementTiesTheCompanysBalancesToTheAuditChain() {
        JsonNode statement = ok(get(base + "/companies/frontier-a/statement", "AUDITOR", null));
        assertThat(statement.get("sequence").asLong()).isEqualTo(EssayEvents.LAST_SEQUENCE);
        assertThat(statement.get("chainHash").asString()).isEqualTo(regime.get(EssayEvents.LAST_SEQUENCE).hash());
        assertThat(statement.at("/account/availablePpb").asLong()).isEqualTo(-2_801_092);
        List<Long> sequences = new ArrayList<>();
        statement.get("lines").forEach(line -> {
            sequences.add(line.get("sequence").asLong());
            LedgerEvent event = regime.get(line.get("sequence").asLong());
            assertThat(line.get("hash").asString()).isEqualTo(event.hash());
        });
        // registered, allocated, submitted, accepted, transferred in, revised
        assertThat(sequences).containsExactly(2L, 5L, 8L, 9L, 10L, 13L);
        assertThat(statement.at("/lines/5/type").asString()).isEqualTo("SafetyCaseRevised");
        assertThat(statement.at("/lines/5/availablePpb").asLong()).isEqualTo(-2_801_092);
        assertThat(statement.at("/lines/5/spentPpb").asLong()).isEqualTo(4_001_092);

        JsonNode beforeTheTrade = ok(get(base + "/companies/frontier-a/statement?asOf=" + regime.at(9),
                "COMPANY", "frontier-a"));
        assertThat(beforeTheTrade.get("sequence").asLong()).isEqualTo(9);
        assertThat(beforeTheTrade.get("chainHash").asString()).isEqualTo(regime.get(9).hash());
        assertThat(beforeTheTrade.at("/account/availablePpb").asLong()).isEqualTo(1_000_000 - 922_599);
        assertThat(beforeTheTrade.at("/account/spentPpb").asLong()).isEqualTo(922_599);
        assertThat(beforeTheTrade.get("lines")).hasSize(4);

        JsonNode paged = ok(get(base + "/companies/frontier-a/statement?limit=4", "REGULATOR", null));
        assertThat(paged.get("lines")).hasSize(4);
        JsonNode rest = ok(get(base + "/companies/frontier-a/statement?limit=4&after=" + paged.get("next").asString(),
                "REGULATOR", null));
        assertThat(rest.get("lines")).extracting(line -> line.get("sequence").asLong()).containsExactly(10L, 13L);
        assertThat(rest.path("next").isMissingNode()).isTrue();
    }

    @Test
    void metricsCountWhatWasApplied() {
        String metrics = client.send("GET", uri("/actuator/prometheus"), null, null, null).text();
        assertThat(metrics).containsPattern("projection_events_applied_total\\{[^}]*type=\"SafetyCaseRevised\"");
        assertThat(metrics).containsPattern(
                "projection_regime_last_sequence\\{[^}]*regime=\"" + regimeId + "\"[^}]*} 14\\.0");
        assertThat(metrics).contains("projection_lag_seconds_count");
        assertThat(metrics).contains("projection_events_duplicates_total");
    }

    /** Every answer about the regime, to compare before and after something that must change nothing. */
    List<JsonNode> answers() {
        return List.of(read(base + "/budget"), read(base + "/companies"), read(base + "/safety-cases"),
                read(base + "/burn-down?limit=1000"),
                ok(get(base + "/companies/frontier-a/statement", "REGULATOR", null)),
                ok(get(base + "/companies/frontier-b/statement", "REGULATOR", null)));
    }

}
