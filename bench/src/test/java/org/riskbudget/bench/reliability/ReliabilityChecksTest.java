package org.riskbudget.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.scenario.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The reliability tests' own checks fail when they should, without a stack: a lost acknowledged write, a doubled
 * movement and a 5xx answer to a hostile request are each reported. Without this, a check that could never fail
 * would pass every crash and every hostile run.
 */
class ReliabilityChecksTest {

    private static final long SETUP_LAST_SEQUENCE = 3;
    private static final LoadCommand ALLOCATION = LoadCommand.allocation("r", "key-1", "alpha", 500);

    @Test
    void anAcknowledgedAllocationStoredOnceAtItsSequencePasses() {
        assertThat(Reconciliation.exactlyOnce(List.of(acknowledged(ALLOCATION, 4)), events(allocated(4)),
                SETUP_LAST_SEQUENCE)).isEmpty();
    }

    @Test
    void anAcknowledgedWriteMissingFromTheStoreFails() {
        assertThat(Reconciliation.exactlyOnce(List.of(acknowledged(ALLOCATION, 4)), events(),
                SETUP_LAST_SEQUENCE)).singleElement().asString().startsWith("acknowledged write lost");
    }

    @Test
    void aMovementStoredTwiceForOneAcknowledgedCommandFails() {
        assertThat(Reconciliation.exactlyOnce(List.of(acknowledged(ALLOCATION, 4)), events(allocated(4),
                allocated(5)), SETUP_LAST_SEQUENCE)).singleElement().asString()
                .startsWith("doubled or phantom movement: event 5");
    }

    @Test
    void twoAcknowledgedCommandsClaimingOneSequenceFail() {
        LoadCommand again = LoadCommand.allocation("r", "key-2", "alpha", 500);

        assertThat(Reconciliation.exactlyOnce(List.of(acknowledged(ALLOCATION, 4), acknowledged(again, 4)),
                events(allocated(4)), SETUP_LAST_SEQUENCE)).singleElement().asString()
                .startsWith("two acknowledged commands answered with sequence 4");
    }

    @Test
    void aHostileRequestAnswered5xxFails() {
        RawHttp.Reply reply = new RawHttp.Reply(500, Map.of("content-type", "application/problem+json"),
                "{\"status\":500,\"code\":\"INTERNAL_ERROR\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(HostileInputTest.wrongAnswer(reply, Set.of())).contains("5xx");
    }

    @Test
    void aHostileRequestRefusedWithoutProblemJsonFails() {
        RawHttp.Reply reply = new RawHttp.Reply(400, Map.of("content-type", "text/html"),
                "<html>Bad Request</html>".getBytes(StandardCharsets.UTF_8));

        assertThat(HostileInputTest.wrongAnswer(reply, Set.of())).contains("not application/problem+json");
    }

    private static Outcome acknowledged(LoadCommand command, long sequence) {
        String text = "{\"sequence\":" + sequence + "}";
        return new Outcome(command, new ApiClient.Answer(200, "application/json", LedgerJson.mapper().readTree(text),
                text), 1, 0, 0);
    }

    private static JsonNode allocated(long sequence) {
        return LedgerJson.mapper().readTree("{\"type\":\"BudgetAllocated\",\"sequence\":" + sequence
                + ",\"companyId\":\"alpha\",\"amountPpb\":500}");
    }

    private static NavigableMap<Long, JsonNode> events(JsonNode... stored) {
        NavigableMap<Long, JsonNode> events = new TreeMap<>();
        for (JsonNode event : stored) {
            events.put(event.path("sequence").asLong(), event);
        }
        return events;
    }
}
