package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.view.LedgerChange;

/** The live stream: each applied change arrives as a server-sent event, without reloading anything. */
class StreamTest extends ProjectionServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void anAppliedChangeArrivesOnTheOpenStream() throws Exception {
        RegimeEvents regime = openedRegime("stream");
        try (SseClient stream = subscribe(regime, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.awaitLine(":subscribed", PATIENCE)).isTrue();

            topic().send(regime.register("a", "A"), regime.allocate("a", 1_000));

            List<SseClient.Event> events = stream.awaitEvents(2, PATIENCE);
            assertThat(events).extracting(SseClient.Event::name).containsExactly("CompanyRegistered", "BudgetAllocated");
            assertThat(events).extracting(SseClient.Event::id).containsExactly("2", "3");
            LedgerChange allocation = LedgerJson.mapper().readValue(events.get(1).data(), LedgerChange.class);
            assertThat(allocation.sequence()).isEqualTo(3);
            assertThat(allocation.regimeId()).isEqualTo(regime.regimeId);
            assertThat(allocation.budget().allocatedPpb().value()).isEqualTo(1_000);
            assertThat(allocation.budget().lastHash()).isEqualTo(regime.get(3).hash());
        }
    }

    @Test
    void heartbeatsKeepAnIdleStreamOpen() throws Exception {
        RegimeEvents regime = openedRegime("heartbeat");
        try (SseClient stream = subscribe(regime, null)) {
            assertThat(stream.awaitLine(":heartbeat", PATIENCE)).isTrue();
            assertThat(stream.awaitLine(":heartbeat", PATIENCE)).isTrue();
        }
    }

    @Test
    void aClientReconnectingWithItsLastEventIdGetsWhatItMissed() throws Exception {
        RegimeEvents regime = openedRegime("replay");
        topic().send(regime.register("a", "A"), regime.allocate("a", 5));
        budgetAt(regime.regimeId.value(), 3);
        try (SseClient stream = subscribe(regime, "1")) {
            List<SseClient.Event> missed = stream.awaitEvents(2, PATIENCE);
            assertThat(missed).extracting(SseClient.Event::id).containsExactly("2", "3");
            topic().send(regime.allocate("a", 6));
            assertThat(stream.awaitEvents(1, PATIENCE).get(0).id()).isEqualTo("4");
        }
    }

    @Test
    void anUnknownRegimeOrAMalformedLastEventIdIsRefused() {
        String unknown = RegimeEvents.uniqueRegimeId("nostream");
        assertProblem(viewer("/api/v1/regimes/" + unknown + "/stream"), 404, "NOT_FOUND", unknown);
        RegimeEvents regime = openedRegime("badid");
        try (SseClient stream = subscribe(regime, "yesterday")) {
            assertThat(stream.status()).isEqualTo(400);
        }
    }

    private RegimeEvents openedRegime(String prefix) {
        RegimeEvents regime = new RegimeEvents(RegimeEvents.uniqueRegimeId(prefix), start());
        topic().send(regime.open(prefix, 2_500_000));
        budgetAt(regime.regimeId.value(), 1);
        return regime;
    }

    private SseClient subscribe(RegimeEvents regime, String lastEventId) {
        return new SseClient(uri("/api/v1/regimes/" + regime.regimeId.value() + "/stream"),
                TestTokens.token("VIEWER", null), lastEventId);
    }
}
