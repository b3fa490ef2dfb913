package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.scenario.ApiClient;

/** {@code minSequence}: a read waits until the projection applied that sequence, or answers 503 in bounded time. */
class FreshnessTest extends ProjectionServiceTest {

    @Test
    void aReadWaitsForItsSequenceAndAnswersOnceApplied() throws Exception {
        String regimeId = RegimeEvents.uniqueRegimeId("fresh");
        RegimeEvents regime = new RegimeEvents(regimeId, start());
        regime.open("fresh", 2_500_000);
        regime.register("a", "A");
        topic().send(regime.get(1));
        budgetAt(regimeId, 1);

        CompletableFuture<ApiClient.Answer> waiting = CompletableFuture.supplyAsync(
                () -> viewer("/api/v1/regimes/" + regimeId + "/companies/a?minSequence=2"));
        Awaitility.await("the read is waiting").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                .until(() -> !waiting.isDone());
        topic().send(regime.get(2));

        ApiClient.Answer answer = waiting.get(10, TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().get("companyId").asString()).isEqualTo("a");
    }

    @Test
    void aSequenceThatDoesNotArriveAnswers503InBoundedTime() {
        String regimeId = RegimeEvents.uniqueRegimeId("late");
        RegimeEvents regime = new RegimeEvents(regimeId, start());
        regime.open("late", 2_500_000);
        topic().send(regime.get(1));
        budgetAt(regimeId, 1);

        long startedNs = System.nanoTime();
        assertProblem(viewer("/api/v1/regimes/" + regimeId + "/budget?minSequence=2"), 503,
                "SEQUENCE_NOT_YET_APPLIED", "sequence 2");
        assertThat(Duration.ofNanos(System.nanoTime() - startedNs)).isBetween(Duration.ofMillis(1900),
                Duration.ofSeconds(10));
    }

    @Test
    void anUnknownRegimeIsNotFoundAndWithMinSequenceIsWaitedForFirst() {
        String regimeId = RegimeEvents.uniqueRegimeId("unknown");
        assertProblem(viewer("/api/v1/regimes/" + regimeId + "/budget"), 404, "NOT_FOUND", regimeId);
        assertProblem(viewer("/api/v1/regimes/" + regimeId + "/companies/a"), 404, "NOT_FOUND", "a");
        assertProblem(viewer("/api/v1/regimes/" + regimeId + "/safety-cases/c"), 404, "NOT_FOUND", "c");
        assertProblem(viewer("/api/v1/regimes/" + regimeId + "/burn-down"), 404, "NOT_FOUND", regimeId);
        assertProblem(viewer("/api/v1/regimes/" + regimeId + "/companies"), 404, "NOT_FOUND", regimeId);
        assertProblem(viewer("/api/v1/regimes/" + regimeId + "/safety-cases"), 404, "NOT_FOUND", regimeId);
        assertProblem(viewer("/api/v1/regimes/" + regimeId + "/budget?minSequence=1"), 503,
                "SEQUENCE_NOT_YET_APPLIED", null);
    }
}
