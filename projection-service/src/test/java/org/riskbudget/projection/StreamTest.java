package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.view.LedgerChange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/** The live stream: each applied change arrives as a server-sent event, without reloading anything. */
class StreamTest extends ProjectionServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    private ApplicationContext context;

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

    @Test
    void aBrowserSubscribesFromTheSequenceItLoadedWithAQueryParameter() throws Exception {
        RegimeEvents regime = openedRegime("fromquery");
        topic().send(regime.register("a", "A"), regime.allocate("a", 5), regime.allocate("a", 6));
        budgetAt(regime.regimeId.value(), 4);
        try (SseClient stream = new SseClient(uri(streamPath(regime) + "?lastEventId=2"),
                TestTokens.token("VIEWER", null), null)) {
            assertThat(stream.awaitEvents(2, PATIENCE)).extracting(SseClient.Event::id).containsExactly("3", "4");
        }
        // A reconnecting EventSource keeps the first URL but sends the newer Last-Event-ID, which wins.
        try (SseClient stream = new SseClient(uri(streamPath(regime) + "?lastEventId=1"),
                TestTokens.token("VIEWER", null), "3")) {
            assertThat(stream.awaitEvents(1, PATIENCE)).extracting(SseClient.Event::id).containsExactly("4");
        }
    }

    @Test
    void theStreamAloneTakesItsTokenFromTheQueryForEventSource() throws Exception {
        RegimeEvents regime = openedRegime("querytoken");
        String token = TestTokens.token("VIEWER", null);
        try (SseClient stream = new SseClient(uri(streamPath(regime) + "?access_token=" + token), null, null)) {
            assertThat(stream.status()).isEqualTo(200);
            topic().send(regime.register("a", "A"));
            assertThat(stream.awaitEvents(1, PATIENCE)).extracting(SseClient.Event::id).containsExactly("2");
        }
        try (SseClient stream = new SseClient(uri(streamPath(regime) + "?access_token=not-a-token"), null, null)) {
            assertThat(stream.status()).isEqualTo(401);
        }
        String budget = "/api/v1/regimes/" + regime.regimeId.value() + "/budget";
        assertProblem(client.send("GET", uri(budget + "?access_token=" + token), null, null, null), 401,
                "UNAUTHENTICATED", null);
    }

    @Test
    void stoppingTheServiceEndsOpenStreamsSoShutdownNeedNotWaitForThem() throws Exception {
        RegimeEvents regime = openedRegime("stopping");
        SmartLifecycle hub = context.getBean("streamHub", SmartLifecycle.class);
        try (SseClient stream = subscribe(regime, null)) {
            assertThat(stream.awaitLine(":subscribed", PATIENCE)).isTrue();

            hub.stop();

            assertThat(stream.awaitEnd(PATIENCE)).as("the stream ended").isTrue();
            assertProblem(viewer(streamPath(regime)), 503, "UNAVAILABLE", "stopping");
        } finally {
            hub.start();
        }
        try (SseClient again = subscribe(regime, null)) {
            assertThat(again.awaitLine(":subscribed", PATIENCE)).isTrue();
        }
    }

    private static String streamPath(RegimeEvents regime) {
        return "/api/v1/regimes/" + regime.regimeId.value() + "/stream";
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
