package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.scenario.ApiClient;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists every refusal with its code, the idempotency header, and scenario examples. */
class ApiDocumentationTest extends LedgerServiceTest {

    private JsonNode api;

    @BeforeEach
    void document() {
        ApiClient.Answer answer = client.send("GET", uri("/v3/api-docs"), null, null, null);
        assertThat(answer.status()).isEqualTo(200);
        api = answer.body();
    }

    @Test
    void everyRefusalOfAnOperationIsDocumentedWithItsCode() {
        JsonNode submit = api.at("/paths/~1api~1v1~1regimes~1{regimeId}~1safety-cases/post/responses");

        assertThat(submit.at("/422/content/application~1problem+json/examples/POLICY_VIOLATION/value/code").asString())
                .isEqualTo("POLICY_VIOLATION");
        assertThat(submit.at("/409/content/application~1problem+json/examples").propertyNames())
                .contains("COMPANY_PAUSED", "DUPLICATE_ID", "INVALID_STATE", "INSUFFICIENT_BUDGET",
                        "IDEMPOTENCY_KEY_REUSED");
        assertThat(submit.at("/400/content/application~1problem+json/examples").propertyNames())
                .contains("VALIDATION_FAILED");
        assertThat(submit.has("401")).isTrue();
        assertThat(submit.has("403")).isTrue();
        assertThat(api.at("/components/schemas/Problem/properties/code/enum").size()).isPositive();
    }

    @Test
    void commandsDocumentTheIdempotencyKeyAndRequireABearerToken() {
        JsonNode parameters = api.at("/paths/~1api~1v1~1regimes~1{regimeId}~1allocations/post/parameters");

        assertThat(parameters.findValuesAsString("name")).contains("Idempotency-Key").doesNotContain("context");
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void requestExamplesComeFromTheWorkedScenarios() {
        JsonNode examples = api.at("/paths/~1api~1v1~1regimes~1{regimeId}~1allocations/post/requestBody/content"
                + "/application~1json/examples");

        assertThat(examples.propertyNames()).anyMatch(name -> name.startsWith("essay-smoking-gun, step"));
        assertThat(examples.findValues("companyId")).isNotEmpty();
    }

    @Test
    void swaggerUiIsServed() {
        assertThat(client.send("GET", uri("/swagger-ui/index.html"), null, null, null).status()).isEqualTo(200);
    }
}
