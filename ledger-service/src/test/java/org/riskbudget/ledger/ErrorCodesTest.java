package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.scenario.ApiClient;

/** Every refusal the command side can give answers with its stable code over HTTP and changes nothing. */
class ErrorCodesTest extends LedgerServiceTest {

    private String regimeId;
    private String regime;

    @BeforeEach
    void regime() {
        regimeId = regimeWithCompanies(500_000, "frontier-a", "frontier-b");
        regime = "/api/v1/regimes/" + regimeId;
    }

    @Nested
    class NotFound {

        @Test
        void anUnknownRegime() {
            expectRefusal(regulator("/api/v1/regimes/nowhere/allocations",
                    "{\"companyId\":\"frontier-a\",\"amountPpb\":1}"), 404, "NOT_FOUND");
        }

        @Test
        void anUnknownCompany() {
            expectRefusal(regulator(regime + "/allocations", "{\"companyId\":\"frontier-z\",\"amountPpb\":1}"), 404,
                    "NOT_FOUND");
        }

        @Test
        void anUnknownCase() {
            expectRefusal(regulator(regime + "/safety-cases/none/acceptance", "{\"reasons\": \"r\"}"), 404, "NOT_FOUND");
        }

        @Test
        void anUnknownTransfer() {
            expectRefusal(regulator(regime + "/transfers/none/approval", "{\"reasons\": \"r\"}"), 404, "NOT_FOUND");
        }

        @Test
        void anUnknownPath() {
            assertThat(get("/api/v1/nothing-here", "VIEWER", null).status()).isEqualTo(404);
        }
    }

    @Nested
    class Duplicates {

        @Test
        void aRegimeThatExists() {
            expectRefusal(regulator("/api/v1/regimes",
                    "{\"id\":\"" + regimeId + "\",\"name\":\"again\",\"capPpb\":1,\"policy\":{}}"), 409, "DUPLICATE_ID");
        }

        @Test
        void aCompanyThatIsRegistered() {
            expectRefusal(regulator(regime + "/companies", "{\"companyId\":\"frontier-a\",\"name\":\"again\"}"), 409,
                    "DUPLICATE_ID");
        }

        @Test
        void aCaseIdThatIsTaken() {
            submitCase(regimeId, "frontier-a", "case-1", 1_000);
            expectRefusal(post(regime + "/safety-cases", "COMPANY", "frontier-a", caseBody("case-1", "frontier-a", 1)),
                    409, "DUPLICATE_ID");
        }
    }

    @Test
    void aPausedCompanyMayNotSubmit() {
        submitCase(regimeId, "frontier-a", "case-1", 400_000);
        expectSuccess(regulator(regime + "/safety-cases/case-1/acceptance", "{\"reasons\": \"r\"}"));
        expectSuccess(post(regime + "/safety-cases/case-1/revisions", "AUDITOR", null,
                "{\"reason\":\"new threat\",\"assessments\":{\"misuse\":{\"riskPpb\":500000}}}"));

        expectRefusal(post(regime + "/safety-cases", "COMPANY", "frontier-a", caseBody("case-2", "frontier-a", 1)), 409,
                "COMPANY_PAUSED");
    }

    @Test
    void aDecisionInTheWrongStateIsInvalid() {
        submitCase(regimeId, "frontier-a", "case-1", 1_000);
        expectRefusal(regulator(regime + "/safety-cases/case-1/revocation", "{\"reasons\": \"r\"}"), 409, "INVALID_STATE");
    }

    @Test
    void aPolicyRefusalNamesTheRule() {
        String tedai = caseBody("case-1", "frontier-a", 1_000).replace("\"AI_3X\"", "\"TEDAI\"");
        ApiClient.Answer answer = post(regime + "/safety-cases", "COMPANY", "frontier-a", tedai);

        expectRefusal(answer, 422, "POLICY_VIOLATION");
        assertThat(answer.body().get("rule").asString()).isEqualTo("minSecurityLevel");
    }

    @Test
    void anAllocationAboveThePoolIsInsufficientBudget() {
        expectRefusal(regulator(regime + "/allocations", "{\"companyId\":\"frontier-a\",\"amountPpb\":1500001}"), 409,
                "INSUFFICIENT_BUDGET");
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        ApiClient.Answer answer = get(regime + "/allocations", "REGULATOR", null);

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.code()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Nested
    class Idempotency {

        private static final String ALLOCATION = "{\"companyId\":\"frontier-a\",\"amountPpb\":1000}";

        @Test
        void aRepeatReturnsTheFirstAnswerAndChangesNothing() {
            ApiClient.Answer first = allocate("key-1", ALLOCATION);
            long after = eventCount(regimeId);

            ApiClient.Answer repeat = allocate("key-1", ALLOCATION);

            assertThat(repeat.status()).isEqualTo(first.status());
            assertThat(repeat.body()).isEqualTo(first.body());
            assertThat(eventCount(regimeId)).isEqualTo(after);
        }

        @Test
        void theSameKeyWithAnotherBodyIsRefused() {
            allocate("key-2", ALLOCATION);
            expectRefusal(allocate("key-2", ALLOCATION.replace("1000", "1001")), 409, "IDEMPOTENCY_KEY_REUSED");
        }

        @Test
        void aKeyIsTheCallersOwn() {
            ApiClient.Answer regulators = allocate("key-3", ALLOCATION);
            ApiClient.Answer company = client.send("POST", uri(regime + "/transfers"), client.token("COMPANY", "frontier-a"),
                    "{\"fromCompanyId\":\"frontier-a\",\"toCompanyId\":\"frontier-b\",\"amountPpb\":1}", "key-3");

            assertThat(company.status()).isEqualTo(201);
            assertThat(company.body().get("sequence").asLong())
                    .isGreaterThan(regulators.body().get("sequence").asLong());
        }

        @Test
        void aRefusedCommandLeavesItsKeyFree() {
            expectRefusal(allocate("key-4", "{\"companyId\":\"frontier-a\",\"amountPpb\":1500001}"), 409,
                    "INSUFFICIENT_BUDGET");
            assertThat(allocate("key-4", ALLOCATION).status()).isEqualTo(200);
        }

        @Test
        void aGeneratedTransferIdIsTheSameOnRepeat() {
            String transfer = "{\"fromCompanyId\":\"frontier-a\",\"toCompanyId\":\"frontier-b\",\"amountPpb\":5}";
            ApiClient.Answer first = client.send("POST", uri(regime + "/transfers"), client.token("COMPANY", "frontier-a"),
                    transfer, "trade-1");
            ApiClient.Answer repeat = client.send("POST", uri(regime + "/transfers"), client.token("COMPANY", "frontier-a"),
                    transfer, "trade-1");

            assertThat(first.body().get("transferId").asString()).startsWith("t-");
            assertThat(repeat.body().get("transferId")).isEqualTo(first.body().get("transferId"));
        }

        private ApiClient.Answer allocate(String key, String body) {
            return client.send("POST", uri(regime + "/allocations"), client.token("REGULATOR", null), body, key);
        }
    }

    @Test
    void everySuccessfulCommandAnswersWithTheSequenceOfItsLastEvent() {
        ApiClient.Answer answer = regulator(regime + "/allocations", "{\"companyId\":\"frontier-a\",\"amountPpb\":1}");

        assertThat(answer.body().get("sequence").asLong()).isEqualTo(eventCount(regimeId));
    }

    private void expectRefusal(ApiClient.Answer answer, int status, String code) {
        long before = eventCount(regimeId);
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.body().get("detail").asString()).isNotBlank();
        assertThat(eventCount(regimeId)).isEqualTo(before);
    }
}
