package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.AiSystem;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.DeploymentWindow;
import org.riskbudget.contracts.safetycase.MisuseAssessment;
import org.riskbudget.contracts.scenario.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * What Prometheus scrapes: budget gauges per regime and per company that follow applied events, the projection's
 * lag behind event time, and the consumer's lag behind the topic; and health that shows the broker while readiness
 * rests on the database alone.
 */
class MetricsTest extends ProjectionServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void budgetGaugesShowEachRegimeAndCompanyOnceItsEventsAreApplied() {
        String regimeId = RegimeEvents.uniqueRegimeId("gauges");
        RegimeEvents regime = new RegimeEvents(regimeId, start());
        regime.open("gauges", 2_500_000);
        regime.register("a", "A");
        regime.register("b", "B");
        regime.allocate("a", 1_000_000);
        regime.allocate("b", 500_000);
        regime.submit("case-a", "a", new AiSystem("sys", "1"), CapabilityTier.BELOW_3X,
                new DeploymentWindow(regime.at(1), regime.at(1).plusSeconds(86_400)),
                new Assessments(null, null, new MisuseAssessment(Ppb.of(300_000))), List.of());
        regime.accept("case-a", "a", 300_000);
        topic().send(regime.all());
        budgetAt(regimeId, regime.lastSequence());

        Awaitility.await("the budget gauges").atMost(PATIENCE).untilAsserted(() -> {
            String scrape = scrape();
            assertThat(sample(scrape, "ledger_regime_cap_ppb", Map.of("regime", regimeId))).hasValue(2_500_000);
            assertThat(sample(scrape, "ledger_regime_spent_ppb", Map.of("regime", regimeId))).hasValue(300_000);
            assertThat(sample(scrape, "ledger_regime_remaining_ppb", Map.of("regime", regimeId))).hasValue(2_200_000);
            assertThat(sample(scrape, "ledger_company_available_ppb", Map.of("regime", regimeId, "company", "a")))
                    .hasValue(700_000);
            assertThat(sample(scrape, "ledger_company_spent_ppb", Map.of("regime", regimeId, "company", "a")))
                    .hasValue(300_000);
            assertThat(sample(scrape, "ledger_company_available_ppb", Map.of("regime", regimeId, "company", "b")))
                    .hasValue(500_000);
        });

        topic().send(regime.allocate("b", 100_000));

        Awaitility.await("the gauges follow the next event").atMost(PATIENCE).untilAsserted(() ->
                assertThat(sample(scrape(), "ledger_company_available_ppb",
                        Map.of("regime", regimeId, "company", "b"))).hasValue(600_000));
        assertThat(sample(scrape(), "ledger_gauges_truncated", Map.of())).hasValue(0);
    }

    @Test
    void consumerLagCountsWhatAGapHoldsBackUntilTheMissingEventArrives() {
        String regimeId = RegimeEvents.uniqueRegimeId("lag");
        RegimeEvents regime = new RegimeEvents(regimeId, start());
        regime.open("lag", 2_500_000);
        regime.register("a", "A");
        regime.allocate("a", 1);
        regime.allocate("a", 2);
        topic().send(regime.get(1), regime.get(2));
        budgetAt(regimeId, 2);

        topic().send(regime.get(4));
        Awaitility.await("the held-back event counts as lag").atMost(PATIENCE).untilAsserted(() ->
                assertThat(sample(scrape(), "projection_consumer_lag_records", Map.of())).hasValue(1));

        topic().send(regime.get(3), regime.get(4));
        budgetAt(regimeId, 4);
        Awaitility.await("no lag once caught up").atMost(PATIENCE).untilAsserted(() ->
                assertThat(sample(scrape(), "projection_consumer_lag_records", Map.of())).hasValue(0));
        assertThat(sample(scrape(), "projection_lag_seconds_count", Map.of()).orElse(0)).isPositive();
        assertThat(sample(scrape(), "projection_lag_seconds_max", Map.of()).orElse(0)).isPositive();
    }

    @Test
    void healthShowsTheBrokerButReadinessRestsOnTheDatabase() {
        Awaitility.await("healthy").atMost(PATIENCE).untilAsserted(() -> {
            ApiClient.Answer health = client.send("GET", uri("/actuator/health"), null, null, null);
            assertThat(health.body().at("/components/broker/status").asString()).isEqualTo("UP");
            assertThat(health.body().at("/components/db/status").asString()).isEqualTo("UP");
        });
        ApiClient.Answer readiness = client.send("GET", uri("/actuator/health/readiness"), null, null, null);
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode components = readiness.body().get("components");
        assertThat(components.propertyNames()).containsExactlyInAnyOrder("db", "readinessState");
    }

    private String scrape() {
        ApiClient.Answer answer = client.send("GET", uri("/actuator/prometheus"), null, null, null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.text();
    }

    /** The value of the sample with this name carrying these labels (among others), if there is one. */
    private static OptionalDouble sample(String scrape, String name, Map<String, String> labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
