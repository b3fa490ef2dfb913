package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.audit.AuditLogVerifier;
import org.riskbudget.contracts.audit.RegimeBooks;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.safetycase.CaseStatus;

/** An accepted case expires when its deployment window ends, by the ledger's own deadline, and no balance moves. */
class ExpiryTest extends LedgerServiceTest {

    @Test
    void anAcceptedCaseExpiresAtTheEndOfItsWindowWithoutMovingBudget() {
        String regimeId = regimeWithCompanies(500_000, "frontier-a");
        String windowEnd = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString();
        submit(regimeId, "short-lived", windowEnd);
        expectSuccess(regulator("/api/v1/regimes/" + regimeId + "/safety-cases/short-lived/acceptance", "{\"reasons\": \"r\"}"));
        RegimeBooks before = books(regimeId);

        Awaitility.await("expiry").atMost(Duration.ofSeconds(30)).until(() ->
                books(regimeId).safetyCase(CaseId.of("short-lived")).orElseThrow().status() == CaseStatus.EXPIRED);

        RegimeBooks after = books(regimeId);
        assertThat(after.spentPpb()).isEqualTo(before.spentPpb());
        assertThat(after.companies()).isEqualTo(before.companies());
    }

    @Test
    void aRevokedCaseNeverExpires() {
        String regimeId = regimeWithCompanies(500_000, "frontier-a");
        submit(regimeId, "revoked", Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString());
        expectSuccess(regulator("/api/v1/regimes/" + regimeId + "/safety-cases/revoked/acceptance", "{\"reasons\": \"r\"}"));
        expectSuccess(regulator("/api/v1/regimes/" + regimeId + "/safety-cases/revoked/revocation", "{\"reasons\": \"r\"}"));
        submit(regimeId, "witness", Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString());
        expectSuccess(regulator("/api/v1/regimes/" + regimeId + "/safety-cases/witness/acceptance", "{\"reasons\": \"r\"}"));

        Awaitility.await("the witness expiring").atMost(Duration.ofSeconds(30)).until(() ->
                books(regimeId).safetyCase(CaseId.of("witness")).orElseThrow().status() == CaseStatus.EXPIRED);
        assertThat(books(regimeId).safetyCase(CaseId.of("revoked")).orElseThrow().status())
                .isEqualTo(CaseStatus.REVOKED);
    }

    private void submit(String regimeId, String caseId, String windowEnd) {
        expectSuccess(post("/api/v1/regimes/" + regimeId + "/safety-cases", "COMPANY", "frontier-a",
                caseBody(caseId, "frontier-a", 1_000).replace("2027-01-01T00:00:00Z", "2020-01-01T00:00:00Z")
                        .replace("2027-06-01T00:00:00Z", windowEnd)));
    }

    private RegimeBooks books(String regimeId) {
        String log = get("/api/v1/regimes/" + regimeId + "/audit-log", "AUDITOR", null).text();
        AuditLogVerifier.Verdict verdict = AuditLogVerifier.verify(new StringReader(log), null);
        assertThat(verdict.isClean()).isTrue();
        return verdict.books();
    }
}
