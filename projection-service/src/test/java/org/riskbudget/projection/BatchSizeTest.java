package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many events one batch (one transaction) holds changes nothing in the read model: the same topic consumed a
 * few events at a time and all at once, as a rebuild takes it, leaves identical rows in every table.
 */
class BatchSizeTest {

    private static final int REGIMES = 3;
    private static final int TRADES = 200;
    /** Every table the events build, each in its key order. */
    private static final Map<String, String> TABLES = Map.of(
            "regime_budget", "regime_id",
            "company_account", "regime_id, company_id",
            "safety_case", "regime_id, case_id",
            "transfer", "regime_id, transfer_id",
            "regime_history", "regime_id, sequence",
            "company_movement", "regime_id, company_id, sequence",
            "projection_gap", "regime_id, expected_sequence, kind");

    @Test
    void fewEventsPerBatchAndAllInOneBuildTheSameReadModel() {
        String topic = "ledger-events-batches-" + UUID.randomUUID();
        List<RegimeEvents> regimes = new ArrayList<>();
        Map<String, List<String>> small;
        // The first application creates the topic, then consumes the events as they are published.
        try (ConfigurableApplicationContext application = start("projection_small_batches", topic, 7);
                TopicWriter writer = new TopicWriter(topic)) {
            for (int r = 0; r < REGIMES; r++) {
                RegimeEvents regime = trading(RegimeEvents.uniqueRegimeId("batches"));
                writer.send(regime.all());
                regimes.add(regime);
            }
            small = readModel(application, regimes);
        }
        Map<String, List<String>> large;
        try (ConfigurableApplicationContext application = start("projection_large_batches", topic, 10_000)) {
            large = readModel(application, regimes);
        }

        assertThat(small.get("regime_history")).hasSize(regimes.stream().mapToInt(r -> r.all().size()).sum());
        assertThat(large).isEqualTo(small);
    }

    /** The essay's regime, then trades and allocations back and forth: every table gets rows. */
    private static RegimeEvents trading(String regimeId) {
        RegimeEvents regime = EssayEvents.build(regimeId, ProjectionServiceTest.start());
        for (int i = 1; i <= TRADES; i++) {
            regime.transfer("t-" + i, i % 2 == 0 ? "frontier-a" : "frontier-b",
                    i % 2 == 0 ? "frontier-b" : "frontier-a", i);
            regime.allocate("frontier-c", i);
        }
        return regime;
    }

    private static ConfigurableApplicationContext start(String database, String topic, int maxPollRecords) {
        return StandaloneApplication.start(database, topic, "batches-" + UUID.randomUUID(),
                "--projection.consumer.max-poll-records=" + maxPollRecords);
    }

    /** The regimes' rows in every table once their last events are applied. */
    private static Map<String, List<String>> readModel(ConfigurableApplicationContext application,
            List<RegimeEvents> regimes) {
        JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
        String[] regimeIds = regimes.stream().map(regime -> regime.regimeId.value()).toArray(String[]::new);
        long lastSequences = regimes.stream().mapToLong(RegimeEvents::lastSequence).sum();
        Awaitility.await("every event applied").atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT coalesce(sum(last_sequence), 0) FROM regime_budget WHERE regime_id = ANY (?)", Long.class,
                (Object) regimeIds) == lastSequences);
        // Each row as JSON text, arrays and instants included, so rows compare by value.
        Map<String, List<String>> rows = new LinkedHashMap<>();
        TABLES.forEach((table, key) -> rows.put(table, jdbc.queryForList("SELECT to_jsonb(t)::text FROM " + table
                + " t WHERE regime_id = ANY (?) ORDER BY " + key, String.class, (Object) regimeIds)));
        return rows;
    }
}
