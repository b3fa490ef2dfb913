package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.audit.EventChain;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.scenario.ApiClient;
import org.riskbudget.contracts.topic.LedgerTopic;
import org.riskbudget.standalone.KafkaBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The audit log exports each regime's chain exactly as stored, and a stored event that was altered is caught. */
class AuditLogTest extends LedgerServiceTest {

    @Autowired
    private JdbcClient jdbc;

    private String regimeId;

    @BeforeEach
    void regimeWithHistory() {
        regimeId = regimeWithCompanies(500_000, "frontier-a", "frontier-b");
        submitCase(regimeId, "frontier-a", "case-1", 20_000);
        expectSuccess(regulator("/api/v1/regimes/" + regimeId + "/safety-cases/case-1/acceptance", "{\"reasons\": \"r\"}"));
    }

    @Test
    void theExportIsTheWholeChainInSequenceOrder() {
        ApiClient.Answer export = exportAs("AUDITOR", "");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(export);
        assertThat(lines).hasSize((int) eventCount(regimeId));
        String previousHash = EventChain.genesis(RegimeId.of(regimeId));
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertThat(line.get("sequence").asLong()).isEqualTo(i + 1);
            assertThat(line.get("previousHash").asString()).isEqualTo(previousHash);
            assertThat(line.get("hash").asString()).isEqualTo(EventChain.hashOf(line));
            previousHash = line.get("hash").asString();
        }
    }

    @Test
    void fromAndToSelectARangeOfSequences() {
        List<JsonNode> lines = lines(exportAs("REGULATOR", "?from=3&to=5"));

        assertThat(lines).extracting(line -> line.get("sequence").asLong()).containsExactly(3L, 4L, 5L);
    }

    @Test
    void anUnknownRegimeIsNotFoundAndABadRangeIsRefused() {
        assertThat(get("/api/v1/regimes/no-such-regime/audit-log", "AUDITOR", null).status()).isEqualTo(404);
        ApiClient.Answer badRange = exportAs("AUDITOR", "?from=5&to=2");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.code()).isEqualTo("VALIDATION_FAILED");
    }

    /**
     * Alters a stored row behind the ledger's back, after the publisher has passed it (the shared store must not
     * stop publishing for other tests), and puts it back afterwards.
     */
    @Test
    void anAlteredStoredEventIsCaughtWhenRead() {
        try (TopicReader topic = new TopicReader(KafkaBroker.shared().bootstrapServers(), LedgerTopic.DEFAULT_NAME)) {
            topic.awaitRecords(regimeId, (int) eventCount(regimeId), Duration.ofSeconds(30));
        }
        try {
            replaceInStoredEvent(3, "\"amountPpb\":500000", "\"amountPpb\":900000");

            assertThatThrownBy(() -> eventStore.readEvents(regimeId, 0).asStream().count())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not match its hash");
        } finally {
            replaceInStoredEvent(3, "\"amountPpb\":900000", "\"amountPpb\":500000");
        }
        assertThat(eventStore.readEvents(regimeId, 0).asStream().count()).isEqualTo(eventCount(regimeId));
    }

    private void replaceInStoredEvent(long sequence, String text, String replacement) {
        int changed = jdbc.sql("""
                        UPDATE domainevententry
                        SET payload = convert_to(replace(convert_from(payload, 'UTF8'), :text, :replacement), 'UTF8')
                        WHERE aggregateidentifier = :regime AND sequencenumber = :index""")
                .param("text", text).param("replacement", replacement).param("regime", regimeId)
                .param("index", sequence - 1).update();
        assertThat(changed).isEqualTo(1);
    }

    private ApiClient.Answer exportAs(String role, String query) {
        return get("/api/v1/regimes/" + regimeId + "/audit-log" + query, role, null);
    }

    private static List<JsonNode> lines(ApiClient.Answer export) {
        return Arrays.stream(export.text().split("\n")).map(line -> LedgerJson.mapper().readTree(line)).toList();
    }
}
