package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.riskbudget.contracts.access.TokenClaims;
import org.riskbudget.contracts.scenario.ApiClient;

/**
 * Who may read: every caller role reads budgets, accounts and cases; statements are for the regulator, auditors
 * and the company itself; a token that does not stand for exactly one caller of the trusted issuer is 401. Every
 * refusal is problem+json.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest extends ProjectionServiceTest {

    private String base;

    @BeforeAll
    void regimeWithTwoCompanies() {
        RegimeEvents regime = new RegimeEvents(RegimeEvents.uniqueRegimeId("access"), start());
        regime.open("access", 2_500_000);
        regime.register("frontier-a", "A");
        regime.register("frontier-b", "B");
        topic().send(regime.all());
        budgetAt(regime.regimeId.value(), 3);
        base = "/api/v1/regimes/" + regime.regimeId.value();
    }

    @Test
    void everyCallerRoleMayRead() {
        for (String role : List.of("VIEWER", "REGULATOR", "AUDITOR")) {
            assertThat(get(base + "/budget", role, null).status()).isEqualTo(200);
            assertThat(get(base + "/companies/frontier-b", role, null).status()).isEqualTo(200);
        }
        assertThat(get(base + "/companies/frontier-b", "COMPANY", "frontier-a").status()).isEqualTo(200);
        assertThat(get("/api/v1/regimes", "COMPANY", "frontier-a").status()).isEqualTo(200);
    }

    @Test
    void aStatementIsForTheRegulatorAuditorsAndTheCompanyItself() {
        String statement = base + "/companies/frontier-a/statement";
        assertThat(get(statement, "REGULATOR", null).status()).isEqualTo(200);
        assertThat(get(statement, "AUDITOR", null).status()).isEqualTo(200);
        assertThat(get(statement, "COMPANY", "frontier-a").status()).isEqualTo(200);
        assertProblem(get(statement, "COMPANY", "frontier-b"), 403, "FORBIDDEN", null);
        assertProblem(get(statement, "VIEWER", null), 403, "FORBIDDEN", null);
        // Role and company are checked before the input: another company's statement is 403 even when malformed.
        assertProblem(get(statement + "?asOf=garbage", "COMPANY", "frontier-b"), 403, "FORBIDDEN", null);
    }

    @Test
    void withoutAValidTokenNothingIsRead() {
        assertProblem(client.send("GET", uri(base + "/budget"), null, null, null), 401, "UNAUTHENTICATED", null);
        assertProblem(client.send("GET", uri(base + "/budget"), "not-a-token", null, null), 401, "UNAUTHENTICATED",
                null);
        assertProblem(withToken(TestTokens.signedByAnotherKey("VIEWER")), 401, "UNAUTHENTICATED", null);
        Instant past = Instant.now().minusSeconds(7200);
        assertProblem(withToken(TestTokens.sign(TestTokens.claims("VIEWER", null).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60))).build())), 401, "UNAUTHENTICATED", null);
        assertProblem(withToken(TestTokens.sign(TestTokens.claims("VIEWER", null).issuer("urn:someone-else")
                .build())), 401, "UNAUTHENTICATED", "issuer");
        assertProblem(withToken(TestTokens.sign(TestTokens.claims("VIEWER", null)
                .claim(TokenClaims.ROLES, List.of("VIEWER", "REGULATOR")).build())), 401, "UNAUTHENTICATED", "role");
        assertProblem(withToken(TestTokens.token("SYSTEM", null)), 401, "UNAUTHENTICATED", "SYSTEM");
        assertProblem(withToken(TestTokens.token("JANITOR", null)), 401, "UNAUTHENTICATED", "role");
        assertProblem(withToken(TestTokens.token("COMPANY", null)), 401, "UNAUTHENTICATED", "company_id");
        assertProblem(withToken(TestTokens.sign(new JWTClaimsSet.Builder(TestTokens.claims("VIEWER", null).build())
                .subject(null).build())), 401, "UNAUTHENTICATED", "subject");
    }

    @Test
    void healthAndMetricsArePublic() {
        assertThat(client.send("GET", uri("/actuator/health"), null, null, null).status()).isIn(200, 503);
        assertThat(client.send("GET", uri("/actuator/prometheus"), null, null, null).status()).isEqualTo(200);
        assertThat(client.send("GET", uri("/actuator/env"), TestTokens.token("REGULATOR", null), null, null)
                .status()).isEqualTo(404);
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        assertProblem(get("/api/v1/nothing-here", "VIEWER", null), 404, "NOT_FOUND", null);
        ApiClient.Answer post = client.send("POST", uri(base + "/budget"), TestTokens.token("REGULATOR", null), "{}",
                null);
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.code()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    private ApiClient.Answer withToken(String token) {
        return client.send("GET", uri(base + "/budget"), token, null, null);
    }
}
