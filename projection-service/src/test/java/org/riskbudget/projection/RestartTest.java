package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.event.LedgerEvent;
import org.riskbudget.contracts.scenario.ApiClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A restart in the middle of a stream neither loses nor double-counts: the application is closed while it consumes
 * (a batch may be applied but its offsets not committed), more events are published while it is down, and a new
 * application on the same database and consumer group ends with every event applied exactly once.
 */
class RestartTest {

    private static final String DATABASE = "projection_restart";
    private static final int ALLOCATIONS = 300;
    private ConfigurableApplicationContext application;

    @AfterEach
    void close() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void aRestartMidStreamNeitherLosesNorDoubleCounts() {
        String topic = "ledger-events-restart-" + UUID.randomUUID();
        String group = "restart-" + UUID.randomUUID();
        RegimeEvents regime = new RegimeEvents(RegimeEvents.uniqueRegimeId("restart"), ProjectionServiceTest.start());
        regime.open("restart", 2_500_000);
        regime.register("a", "A");
        for (int amount = 1; amount <= ALLOCATIONS; amount++) {
            regime.allocate("a", amount);
        }
        List<LedgerEvent> events = regime.all();
        int half = events.size() / 2;

        application = start(topic, group);
        try (TopicWriter writer = new TopicWriter(topic)) {
            writer.send(events.subList(0, half));
            JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
            Awaitility.await("the first application is consuming").atMost(Duration.ofSeconds(30))
                    .until(() -> lastSequence(jdbc, regime) > 10);
            application.close();

            writer.send(events.subList(half, events.size()));
            application = start(topic, group);
        }

        String base = "/api/v1/regimes/" + regime.regimeId.value();
        JsonNode budget = read(base + "/budget?minSequence=" + events.size());
        assertThat(budget.get("lastSequence").asLong()).isEqualTo(events.size());
        long allocatedPpb = (long) ALLOCATIONS * (ALLOCATIONS + 1) / 2;
        assertThat(budget.get("allocatedPpb").asLong()).isEqualTo(allocatedPpb);
        assertThat(read(base + "/companies/a").get("allocatedPpb").asLong()).isEqualTo(allocatedPpb);
        assertThat(read(base + "/burn-down?limit=1000").get("items")).hasSize(events.size());
        JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM company_movement WHERE regime_id = ?", Long.class,
                regime.regimeId.value())).isEqualTo(ALLOCATIONS + 1);
    }

    private static long lastSequence(JdbcTemplate jdbc, RegimeEvents regime) {
        List<Long> sequence = jdbc.queryForList("SELECT last_sequence FROM regime_budget WHERE regime_id = ?",
                Long.class, regime.regimeId.value());
        return sequence.isEmpty() ? 0 : sequence.get(0);
    }

    private JsonNode read(String path) {
        String port = application.getEnvironment().getProperty("local.server.port");
        ApiClient.Answer answer = new ApiClient(URI.create("http://localhost:1")).send("GET",
                URI.create("http://localhost:" + port + path), TestTokens.token("VIEWER", null), null, null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private static ConfigurableApplicationContext start(String topic, String group) {
        // Small batches, so the application is closed between batches rather than after the last.
        return StandaloneApplication.start(DATABASE, topic, group, "--projection.consumer.max-poll-records=20");
    }
}
