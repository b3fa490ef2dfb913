package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.scenario.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document of the read API, public like Swagger UI: every refusal of an operation with its code, the
 * meaning of minSequence, the stream's event format and its token parameter.
 */
class ApiDocumentationTest extends ProjectionServiceTest {

    private static final String PROBLEMS = "/content/application~1problem+json/examples";
    private JsonNode api;

    @BeforeEach
    void document() {
        ApiClient.Answer answer = client.send("GET", uri("/v3/api-docs"), null, null, null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        api = answer.body();
    }

    @Test
    void everyRefusalOfAReadIsDocumentedWithItsCode() {
        JsonNode budget = responses("~1api~1v1~1regimes~1{regimeId}~1budget");
        assertThat(budget.at("/404" + PROBLEMS + "/NOT_FOUND/value/code").asString()).isEqualTo("NOT_FOUND");
        assertThat(budget.at("/400" + PROBLEMS).propertyNames()).containsExactly("VALIDATION_FAILED");
        assertThat(budget.at("/401" + PROBLEMS).propertyNames()).containsExactly("UNAUTHENTICATED");
        assertThat(budget.at("/503" + PROBLEMS).propertyNames())
                .containsExactlyInAnyOrder("SEQUENCE_NOT_YET_APPLIED", "UNAVAILABLE");
        assertThat(budget.has("403")).as("every reader role may read a budget").isFalse();

        JsonNode statement = responses("~1api~1v1~1regimes~1{regimeId}~1companies~1{companyId}~1statement");
        assertThat(statement.at("/403" + PROBLEMS).propertyNames()).containsExactly("FORBIDDEN");
        assertThat(statement.has("404")).isTrue();

        JsonNode regimes = responses("~1api~1v1~1regimes");
        assertThat(regimes.has("404")).as("a list of every regime finds no regime missing").isFalse();
        assertThat(regimes.has("503")).as("it takes no minSequence").isFalse();
        assertThat(api.at("/paths/~1api~1v1~1admin~1rebuild/post/responses/403" + PROBLEMS).propertyNames())
                .containsExactly("FORBIDDEN");
        assertThat(api.at("/components/schemas/Problem/properties/code/enum").valueStream().map(JsonNode::asString))
                .contains("SEQUENCE_NOT_YET_APPLIED", "NOT_FOUND");
    }

    @Test
    void minSequenceIsDocumentedWhereverItIsTaken() {
        JsonNode minSequence = parameter("~1api~1v1~1regimes~1{regimeId}~1companies", "minSequence");
        assertThat(minSequence.at("/schema/type").asString()).isEqualTo("integer");
        assertThat(minSequence.at("/schema/minimum").asInt()).isZero();
        assertThat(minSequence.get("description").asString()).contains("own writes", "SEQUENCE_NOT_YET_APPLIED");
        assertThat(parameter("~1api~1v1~1regimes~1{regimeId}~1safety-cases", "status").at("/schema/enum")
                .valueStream().map(JsonNode::asString)).contains("ACCEPTED", "REVOKED");
        assertThat(parameter("~1api~1v1~1regimes~1{regimeId}~1budget", "regimeId").at("/schema/pattern").asString())
                .isNotBlank();
    }

    @Test
    void theStreamDocumentsItsEventsAndItsTokenParameter() {
        String stream = "~1api~1v1~1regimes~1{regimeId}~1stream";
        assertThat(api.at("/paths/" + stream + "/get/responses/200/content/text~1event-stream/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/LedgerChange");
        assertThat(api.at("/components/schemas/LedgerChange/properties").propertyNames())
                .contains("sequence", "type", "budget");
        assertThat(parameter(stream, "access_token").get("description").asString()).contains("EventSource");
        assertThat(parameter(stream, "lastEventId").at("/schema/type").asString()).isEqualTo("integer");
        assertThat(responses(stream).at("/503" + PROBLEMS).propertyNames()).contains("UNAVAILABLE");
    }

    @Test
    void amountsAreIntegersInPpbAndReadsNeedABearerToken() {
        assertThat(api.at("/components/schemas/RegimeBudgetView/properties/remainingPpb/type").asString())
                .isEqualTo("integer");
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(api.at("/security/0").has("bearer")).isTrue();
    }

    @Test
    void swaggerUiIsServedWithoutAToken() {
        assertThat(client.send("GET", uri("/swagger-ui/index.html"), null, null, null).status()).isEqualTo(200);
    }

    private JsonNode responses(String path) {
        JsonNode responses = api.at("/paths/" + path + "/get/responses");
        assertThat(responses.isObject()).as("documented: " + path).isTrue();
        return responses;
    }

    private JsonNode parameter(String path, String name) {
        for (JsonNode parameter : api.at("/paths/" + path + "/get/parameters")) {
            if (parameter.get("name").asString().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError(name + " is not documented on " + path);
    }
}
