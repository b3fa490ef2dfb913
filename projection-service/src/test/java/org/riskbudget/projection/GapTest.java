package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.scenario.ApiClient;

/**
 * An event is never skipped: when one is missing, the events after it are not applied, the gap is logged,
 * counted, recorded and reported by the health indicator, and its partition is retried until the missing event
 * arrives; then everything is applied in order and the gap is marked resolved.
 */
class GapTest extends ProjectionServiceTest {

    @Test
    void aGapIsHeldNotSkippedAndResolvesWhenTheMissingEventArrives() {
        String regimeId = RegimeEvents.uniqueRegimeId("gap");
        RegimeEvents regime = new RegimeEvents(regimeId, start());
        regime.open("gap", 2_500_000);
        regime.register("a", "A");
        regime.allocate("a", 100);
        regime.allocate("a", 200);
        regime.allocate("a", 300);
        double gapsBefore = meters.counter("projection.gaps", "kind", "GAP").count();

        topic().send(regime.get(1), regime.get(2), regime.get(3));
        budgetAt(regimeId, 3);
        topic().send(regime.get(5));

        Awaitility.await("the gap is detected").untilAsserted(() -> {
            assertThat(meters.counter("projection.gaps", "kind", "GAP").count()).isEqualTo(gapsBefore + 1);
            assertThat(gap(regimeId)).containsEntry("expected_sequence", 4L).containsEntry("received_sequence", 5L);
            ApiClient.Answer health = client.send("GET", uri("/actuator/health"), null, null, null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().get("status").asString()).isEqualTo("DOWN");
        });
        assertThat(read("/api/v1/regimes/" + regimeId + "/budget").get("lastSequence").asLong()).isEqualTo(3);
        assertProblem(viewer("/api/v1/regimes/" + regimeId + "/budget?minSequence=5"), 503,
                "SEQUENCE_NOT_YET_APPLIED", "5");
        assertThat(read("/api/v1/regimes/" + regimeId + "/companies/a").get("allocatedPpb").asLong()).isEqualTo(100);

        // The publisher sends again from the missing event on, as a re-published log would.
        topic().send(regime.get(4), regime.get(5));

        assertThat(budgetAt(regimeId, 5).get("lastSequence").asLong()).isEqualTo(5);
        assertThat(read("/api/v1/regimes/" + regimeId + "/companies/a").get("allocatedPpb").asLong()).isEqualTo(600);
        assertThat(read("/api/v1/regimes/" + regimeId + "/burn-down").get("items")).hasSize(5);
        Awaitility.await("the gap is resolved").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gap(regimeId).get("resolved_at")).isNotNull();
            assertThat(client.send("GET", uri("/actuator/health"), null, null, null).status()).isEqualTo(200);
        });
        assertThat(meters.counter("projection.gaps", "kind", "GAP").count()).isEqualTo(gapsBefore + 1);
    }

    private Map<String, Object> gap(String regimeId) {
        return jdbc.queryForMap("SELECT * FROM projection_gap WHERE regime_id = ?", regimeId);
    }
}
