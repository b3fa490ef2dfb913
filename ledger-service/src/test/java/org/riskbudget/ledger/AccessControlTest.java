package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.riskbudget.contracts.access.TokenClaims;
import org.riskbudget.contracts.scenario.ApiClient;

/** Nobody acts outside their role or company, and a refused caller changes nothing. */
class AccessControlTest extends LedgerServiceTest {

    private static final List<String> CALLER_ROLES = List.of("REGULATOR", "AUDITOR", "COMPANY", "VIEWER");

    private String regimeId;

    @BeforeEach
    void regimeWithACase() {
        regimeId = regimeWithCompanies(500_000, "frontier-a", "frontier-b");
        submitCase(regimeId, "frontier-a", "case-a", 10_000);
    }

    /** Every command endpoint, a valid body for it, and the roles allowed to call it. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/regimes", "{\"id\":\"x-%s\",\"name\":\"n\",\"capPpb\":1,\"policy\":{}}",
                        List.of("REGULATOR")),
                Arguments.of("POST", "/api/v1/regimes/%s/companies", "{\"companyId\":\"c9\",\"name\":\"n\"}",
                        List.of("REGULATOR")),
                Arguments.of("POST", "/api/v1/regimes/%s/allocations", "{\"companyId\":\"frontier-a\",\"amountPpb\":1}",
                        List.of("REGULATOR")),
                Arguments.of("POST", "/api/v1/regimes/%s/reclamations",
                        "{\"companyId\":\"frontier-a\",\"amountPpb\":1,\"reason\":\"r\"}", List.of("REGULATOR")),
                Arguments.of("PUT", "/api/v1/regimes/%s/policy", "{}", List.of("REGULATOR")),
                Arguments.of("POST", "/api/v1/regimes/%s/transfers",
                        "{\"fromCompanyId\":\"frontier-a\",\"toCompanyId\":\"frontier-b\",\"amountPpb\":1}",
                        List.of("COMPANY")),
                Arguments.of("POST", "/api/v1/regimes/%s/transfers/t-1/approval", "{\"reasons\": \"r\"}", List.of("REGULATOR")),
                Arguments.of("POST", "/api/v1/regimes/%s/transfers/t-1/rejection", "{\"reasons\": \"r\"}", List.of("REGULATOR")),
                Arguments.of("POST", "/api/v1/regimes/%s/safety-cases", caseBody("case-new", "frontier-a", 1),
                        List.of("COMPANY")),
                Arguments.of("POST", "/api/v1/regimes/%s/safety-cases/case-a/acceptance", "{\"reasons\": \"r\"}", List.of("REGULATOR")),
                Arguments.of("POST", "/api/v1/regimes/%s/safety-cases/case-a/rejection", "{\"reasons\": \"r\"}", List.of("REGULATOR")),
                Arguments.of("POST", "/api/v1/regimes/%s/safety-cases/case-a/revocation", "{\"reasons\": \"r\"}", List.of("REGULATOR")),
                Arguments.of("POST", "/api/v1/regimes/%s/safety-cases/case-a/withdrawal", "{\"reasons\": \"r\"}", List.of("COMPANY")),
                Arguments.of("POST", "/api/v1/regimes/%s/safety-cases/case-a/revisions",
                        "{\"reason\":\"r\",\"evidence\":[{\"kind\":\"OTHER\",\"description\":\"d\",\"likelihoodRatio\":\"2\"}]}",
                        List.of("AUDITOR", "REGULATOR", "COMPANY")),
                Arguments.of("GET", "/api/v1/regimes/%s/audit-log", null, List.of("AUDITOR", "REGULATOR")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void everyOtherRoleIsForbiddenAndChangesNothing(String method, String path, String body, List<String> allowed) {
        for (String role : CALLER_ROLES) {
            if (!allowed.contains(role)) {
                long before = eventCount(regimeId);
                ApiClient.Answer answer = client.send(method, uri(path.formatted(regimeId)),
                        client.token(role, "COMPANY".equals(role) ? "frontier-a" : null),
                        body == null ? null : body.formatted(regimeId), null);

                assertThat(answer.status()).as(role + " " + method + " " + path).isEqualTo(403);
                assertThat(answer.code()).isEqualTo("FORBIDDEN");
                assertThat(eventCount(regimeId)).isEqualTo(before);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void noTokenIsUnauthenticatedAndChangesNothing(String method, String path, String body, List<String> allowed) {
        long before = eventCount(regimeId);
        ApiClient.Answer answer = client.send(method, uri(path.formatted(regimeId)), null,
                body == null ? null : body.formatted(regimeId), null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(eventCount(regimeId)).isEqualTo(before);
    }

    @Test
    void theRiskArithmeticAnswersEveryAuthenticatedRole() {
        for (String role : CALLER_ROLES) {
            ApiClient.Answer answer = get("/api/v1/risk/required-likelihood-ratio?prior=0.03&target=0.0025", role,
                    "COMPANY".equals(role) ? "frontier-b" : null);
            assertThat(answer.status()).as(role).isEqualTo(200);
            assertThat(answer.body().get("wholeRatio").asInt()).isEqualTo(13);
        }
    }

    @Nested
    class AcrossCompanies {

        @Test
        void aCompanyMayNotSendAnotherCompanysBudget() {
            expectForbiddenAndNothingChanged(() -> post("/api/v1/regimes/" + regimeId + "/transfers", "COMPANY",
                    "frontier-b", "{\"fromCompanyId\":\"frontier-a\",\"toCompanyId\":\"frontier-b\",\"amountPpb\":1}"));
        }

        @Test
        void aCompanyMayNotSubmitForAnotherCompany() {
            expectForbiddenAndNothingChanged(() -> post("/api/v1/regimes/" + regimeId + "/safety-cases", "COMPANY",
                    "frontier-b", caseBody("case-b", "frontier-a", 1)));
        }

        @Test
        void aCompanyMayNotWithdrawAnotherCompanysCase() {
            expectForbiddenAndNothingChanged(() -> post("/api/v1/regimes/" + regimeId
                    + "/safety-cases/case-a/withdrawal", "COMPANY", "frontier-b", "{\"reasons\": \"r\"}"));
        }

        @Test
        void aCompanyMayNotReviseAnotherCompanysCase() {
            expectSuccess(regulator("/api/v1/regimes/" + regimeId + "/safety-cases/case-a/acceptance", "{\"reasons\": \"r\"}"));
            expectForbiddenAndNothingChanged(() -> post("/api/v1/regimes/" + regimeId
                    + "/safety-cases/case-a/revisions", "COMPANY", "frontier-b",
                    "{\"reason\":\"r\",\"evidence\":[{\"kind\":\"OTHER\",\"description\":\"d\",\"likelihoodRatio\":\"2\"}]}"));
        }

        @Test
        void aReviewerMayNotDecideACaseOfItsOwnCompany() {
            expectForbiddenAndNothingChanged(() -> post("/api/v1/regimes/" + regimeId
                    + "/safety-cases/case-a/acceptance", "REGULATOR", "frontier-a", "{\"reasons\": \"r\"}"));
        }

        private void expectForbiddenAndNothingChanged(java.util.function.Supplier<ApiClient.Answer> request) {
            long before = eventCount(regimeId);
            ApiClient.Answer answer = request.get();
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("FORBIDDEN");
            assertThat(eventCount(regimeId)).isEqualTo(before);
        }
    }

    /** Tokens forged with the issuer's own key but with claims the ledger must refuse, and a stranger's key. */
    @Nested
    class RefusedTokens {

        static Stream<Arguments> badClaims() {
            Instant now = Instant.now();
            return Stream.of(
                    Arguments.of("expired", claims(List.of("REGULATOR"), null).expirationTime(Date.from(now.minusSeconds(120)))),
                    Arguments.of("no role", claims(List.of(), null)),
                    Arguments.of("two roles", claims(List.of("REGULATOR", "AUDITOR"), null)),
                    Arguments.of("unknown role", claims(List.of("ROOT"), null)),
                    Arguments.of("the ledger's own SYSTEM role", claims(List.of("SYSTEM"), null)),
                    Arguments.of("COMPANY without company", claims(List.of("COMPANY"), null)),
                    Arguments.of("malformed company", claims(List.of("COMPANY"), "bad company!")),
                    Arguments.of("other issuer", claims(List.of("REGULATOR"), null).issuer("https://evil.example")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badClaims")
        void aTokenWithClaimsTheLedgerCannotTrustIsUnauthenticated(String what, JWTClaimsSet.Builder claims)
                throws Exception {
            RSAKey issuerKey = RSAKey.parse(Files.readString(Path.of("target/test-issuer-key.json")));
            expectUnauthenticated(sign(claims, issuerKey));
        }

        @Test
        void aTokenSignedByAnotherKeyIsUnauthenticated() throws Exception {
            expectUnauthenticated(sign(claims(List.of("REGULATOR"), null), new RSAKeyGenerator(2048).keyID("x").generate()));
        }

        @Test
        void garbageIsUnauthenticated() {
            expectUnauthenticated("not-a-jwt");
        }

        private void expectUnauthenticated(String token) {
            long before = eventCount(regimeId);
            ApiClient.Answer answer = client.send("POST", uri("/api/v1/regimes/" + regimeId + "/allocations"), token,
                    "{\"companyId\":\"frontier-a\",\"amountPpb\":1}", null);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("UNAUTHENTICATED");
            assertThat(eventCount(regimeId)).isEqualTo(before);
        }

        private static JWTClaimsSet.Builder claims(List<String> roles, String companyId) {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TokenClaims.LOCAL_ISSUER).subject("forger")
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                    .claim(TokenClaims.ROLES, roles);
            return companyId == null ? claims : claims.claim(TokenClaims.COMPANY_ID, companyId);
        }

        private static String sign(JWTClaimsSet.Builder claims, RSAKey key) throws Exception {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
    }

}
