package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.scenario.ApiClient;
import tools.jackson.databind.JsonNode;

/** A rebuild empties the read model and replays the topic from its beginning: the answers come back identical. */
class RebuildTest extends ProjectionServiceTest {

    @Test
    void aRebuildGivesIdenticalAnswers() {
        String regimeId = RegimeEvents.uniqueRegimeId("rebuild");
        RegimeEvents regime = EssayEvents.build(regimeId, start());
        topic().send(regime.all());
        budgetAt(regimeId, EssayEvents.LAST_SEQUENCE);
        List<JsonNode> before = answers(regime);
        long generation = jdbc.queryForObject("SELECT rebuild_generation FROM projection_state", Long.class);

        ApiClient.Answer accepted = client.send("POST", uri("/api/v1/admin/rebuild"),
                TestTokens.token("REGULATOR", null), null, null);

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        assertThat(accepted.body().get("generation").asLong()).isEqualTo(generation + 1);
        Awaitility.await("the replay converges").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> assertThat(answers(regime)).isEqualTo(before));
    }

    @Test
    void onlyTheRegulatorMayRebuild() {
        for (String role : List.of("VIEWER", "AUDITOR")) {
            assertProblem(client.send("POST", uri("/api/v1/admin/rebuild"), TestTokens.token(role, null), null, null),
                    403, "FORBIDDEN", null);
        }
        assertProblem(client.send("POST", uri("/api/v1/admin/rebuild"), TestTokens.token("COMPANY", "a"), null,
                null), 403, "FORBIDDEN", null);
        assertProblem(client.send("POST", uri("/api/v1/admin/rebuild"), null, null, null), 401, "UNAUTHENTICATED",
                null);
    }

    private List<JsonNode> answers(RegimeEvents regime) {
        String base = "/api/v1/regimes/" + regime.regimeId.value();
        return List.of(read(base + "/budget"), read(base + "/companies"), read(base + "/safety-cases"),
                read(base + "/burn-down?limit=1000"), read(base + "/budget?asOf=" + regime.at(9)),
                ok(get(base + "/companies/frontier-a/statement", "AUDITOR", null)));
    }
}
