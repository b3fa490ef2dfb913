package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.scenario.ApiClient;

/** What operators watch: Prometheus metrics of commands and publishing, health with its parts, readiness. */
class OperationsTest extends LedgerServiceTest {

    @Test
    void commandsAreCountedAndTimedByTypeOutcomeAndRefusalCode() {
        String regimeId = regimeWithCompanies(1_000, "frontier-a");
        regulator("/api/v1/regimes/" + regimeId + "/allocations", "{\"companyId\":\"frontier-a\",\"amountPpb\":2500000}");

        String metrics = prometheus();

        assertThat(metrics).containsPattern(
                "ledger_commands_seconds_count\\{[^}]*code=\"none\"[^}]*command=\"AllocateBudgetCommand\"[^}]*outcome=\"accepted\"");
        assertThat(metrics).containsPattern(
                "ledger_commands_seconds_count\\{[^}]*code=\"INSUFFICIENT_BUDGET\"[^}]*command=\"AllocateBudgetCommand\"[^}]*outcome=\"refused\"");
        assertThat(metrics).contains("ledger_commands_seconds_bucket");
    }

    @Test
    void requestsAreTimedOnceNotFilterByFilter() {
        regimeWithCompanies(1_000, "frontier-a");

        String metrics = prometheus();

        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/regimes\"");
        assertThat(metrics).doesNotContain("spring_security_");
    }

    @Test
    void publishingIsMeasured() {
        regimeWithCompanies(1_000, "frontier-a");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = prometheus();
            assertThat(metrics).contains("ledger_publish_delay_seconds_count");
            assertThat(metrics).containsPattern("ledger_publish_events_total\\{[^}]*type=\"BudgetAllocated\"");
            assertThat(metrics).containsPattern("ledger_publish_lag_events\\{[^}]*\\} 0.0");
        });
    }

    @Test
    void healthShowsTheDatabaseAndTheBrokerAndReadinessFollowsTheDatabase() {
        ApiClient.Answer health = client.send("GET", uri("/actuator/health"), null, null, null);
        ApiClient.Answer readiness = client.send("GET", uri("/actuator/health/readiness"), null, null, null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(health.body().at("/components/broker/status").asString()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(readiness.body().at("/components/broker").isMissingNode()).isTrue();
    }

    private String prometheus() {
        ApiClient.Answer answer = client.send("GET", uri("/actuator/prometheus"), null, null, null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.text();
    }
}
