package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.riskbudget.contracts.scenario.ApiClient;

/** Bad input always gets a 4xx problem+json naming the problem, and changes nothing. */
class MalformedInputTest extends LedgerServiceTest {

    private String regimeId;

    @BeforeEach
    void regime() {
        regimeId = regimeWithCompanies(500_000, "frontier-a", "frontier-b");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON              | {\"companyId\": \"frontier-a\",                          | malformed JSON",
        "string for a number         | {\"companyId\": \"frontier-a\", \"amountPpb\": \"5\"}    | amountPpb must be a whole number",
        "fraction for a number       | {\"companyId\": \"frontier-a\", \"amountPpb\": 1.5}      | amountPpb must be a whole number",
        "number beyond long          | {\"companyId\": \"frontier-a\", \"amountPpb\": 99999999999999999999} | amountPpb",
        "missing field               | {\"companyId\": \"frontier-a\"}                          | amountPpb is required",
        "unknown field               | {\"companyId\": \"frontier-a\", \"amountPPb\": 5}        | unknown field amountPPb",
        "duplicate field             | {\"companyId\": \"frontier-a\", \"amountPpb\": 5, \"amountPpb\": 500} | malformed JSON",
        "zero amount                 | {\"companyId\": \"frontier-a\", \"amountPpb\": 0}        | amountPpb must be between 1 and",
        "negative amount             | {\"companyId\": \"frontier-a\", \"amountPpb\": -5}       | amountPpb must be between 1 and",
        "amount above probability 1  | {\"companyId\": \"frontier-a\", \"amountPpb\": 1000000001} | amountPpb must be between 1 and",
        "malformed company id        | {\"companyId\": \"frontier a\", \"amountPpb\": 5}        | companyId must be 1 to 64 characters",
        "array instead of object     | []                                                       | must be an object",
        "empty body                  | ''                                                       | missing or is not JSON",
        "trailing garbage            | {\"companyId\": \"frontier-a\", \"amountPpb\": 5} x      | malformed JSON",
    })
    void aBadAllocationIsRefusedNamingTheProblem(String what, String body, String detail) {
        expectValidationFailure(post("/api/v1/regimes/" + regimeId + "/allocations", "REGULATOR", null, body), detail);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "prior above one             | \"priorProbability\": \"0.001\"   | \"priorProbability\": \"1.5\"   | priorProbability",
        "prior as a JSON number      | \"priorProbability\": \"0.001\"   | \"priorProbability\": 0.001     | priorProbability must be a decimal string",
        "prior in exponent form      | \"priorProbability\": \"0.001\"   | \"priorProbability\": \"1e-3\"  | priorProbability",
        "unknown capability tier     | \"AI_3X\"                         | \"AI_11X\"                      | capabilityTier must be one of",
        "unknown security level      | \"SL3\"                           | \"SL9\"                         | security.level must be one of",
        "window that ends first      | \"to\": \"2027-06-01T00:00:00Z\"  | \"to\": \"2026-06-01T00:00:00Z\" | window.from must be before window.to",
        "window as epoch seconds     | \"from\": \"2027-01-01T00:00:00Z\" | \"from\": 1798761600           | window.from must be an ISO-8601 instant",
        "component risk above one    | \"riskPpb\": 5000                 | \"riskPpb\": 1000000001         | security.riskPpb must be between 0 and",
        "no assessments at all       | \"security\": {\"level\": \"SL3\", \"riskPpb\": 5000}, \"misalignment\": {\"priorProbability\": \"0.001\", \"evidence\": []}, \"misuse\": {\"riskPpb\": 1000} | | assessments must assess at least one threat model",
        "a case depending on itself  | \"dependsOn\": []                 | \"dependsOn\": [\"case-1\"]     | dependsOn must not contain the case itself",
        "control character in name   | \"name\": \"sys\"                 | \"name\": \"s\\u0000ys\"        | system.name must not contain control characters",
        "lone surrogate in name      | \"name\": \"sys\"                 | \"name\": \"s\\ud800ys\"        | system.name must be well-formed Unicode",
    })
    void aBadSafetyCaseIsRefusedNamingTheProblem(String what, String replace, String with, String detail) {
        String valid = """
                {"caseId": "case-1", "companyId": "frontier-a", "system": {"name": "sys", "version": "1"},
                 "capabilityTier": "AI_3X", "window": {"from": "2027-01-01T00:00:00Z", "to": "2027-06-01T00:00:00Z"},
                 "assessments": {"security": {"level": "SL3", "riskPpb": 5000}, "misalignment": {"priorProbability": "0.001", "evidence": []}, "misuse": {"riskPpb": 1000}},
                 "dependsOn": []}""";
        assertThat(valid).contains(replace);
        String body = valid.replace(replace, with == null ? "" : with);

        expectValidationFailure(post("/api/v1/regimes/" + regimeId + "/safety-cases", "COMPANY", "frontier-a", body),
                detail);
    }

    @Test
    void evidenceBeyondTheLimitIsRefused() {
        String item = "{\"kind\": \"OTHER\", \"description\": \"d\", \"likelihoodRatio\": \"1.01\"}";
        String body = caseBody("case-1", "frontier-a", 1).replace("\"evidence\": []",
                "\"evidence\": [" + String.join(",", java.util.Collections.nCopies(101, item)) + "]");

        expectValidationFailure(post("/api/v1/regimes/" + regimeId + "/safety-cases", "COMPANY", "frontier-a", body),
                "misalignment.evidence must have at most 100 items");
    }

    @Test
    void anOversizedBodyIsRefusedAsTooLarge() {
        String body = "{\"companyId\": \"frontier-a\", \"name\": \"" + "x".repeat(300_000) + "\"}";
        ApiClient.Answer answer = post("/api/v1/regimes/" + regimeId + "/companies", "REGULATOR", null, body);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.text()).contains("body: the request body may be at most");
    }

    @ParameterizedTest
    @ValueSource(strings = {"safety-cases/case-x/acceptance", "safety-cases/case-x/revocation",
            "transfers/t-x/approval"})
    void everyDecisionIsRecordedWithItsReasons(String decision) {
        expectValidationFailure(post("/api/v1/regimes/" + regimeId + "/" + decision, "REGULATOR", null, "{}"),
                "reasons is required");
    }

    @Test
    void aMissingRegimeIdIsNamedAsTheBodyNamesIt() {
        ApiClient.Answer answer = post("/api/v1/regimes", "REGULATOR", null, "{\"name\": \"n\", \"capPpb\": 1}");

        expectValidationFailure(answer, "id is required");
        assertThat(answer.body().get("detail").asString()).doesNotContain("regimeId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"role\": \"SYSTEM\"}", "{\"role\": \"COMPANY\"}", "{\"role\": \"ROOT\"}"})
    void aDevelopmentTokenNeedsAGrantableRoleAndACompanyForCompanies(String body) {
        ApiClient.Answer answer = client.send("POST", uri("/api/v1/dev/tokens"), null, body, null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void authenticationIsCheckedBeforeTheBodySize() {
        String body = "{\"companyId\": \"frontier-a\", \"name\": \"" + "x".repeat(300_000) + "\"}";
        ApiClient.Answer answer = client.send("POST", uri("/api/v1/regimes/" + regimeId + "/companies"), null, body,
                null);

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        long before = eventCount(regimeId);
        ApiClient.Answer answer = client.send(HttpRequest.newBuilder(uri("/api/v1/regimes/" + regimeId + "/allocations"))
                .header("Authorization", "Bearer " + client.token("REGULATOR", null))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("companyId=frontier-a&amountPpb=5")));

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(eventCount(regimeId)).isEqualTo(before);
    }

    @Test
    void aMalformedIdempotencyKeyIsRefused() {
        ApiClient.Answer answer = client.send("POST", uri("/api/v1/regimes/" + regimeId + "/allocations"),
                client.token("REGULATOR", null), "{\"companyId\": \"frontier-a\", \"amountPpb\": 5}", "has spaces in it");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("detail").asString()).contains("Idempotency-Key");
    }

    @Test
    void aBadQueryParameterIsRefused() {
        ApiClient.Answer answer = get("/api/v1/risk/required-likelihood-ratio?prior=0.03&target=2", "VIEWER", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.body().get("detail").asString()).contains("target");
    }

    /** Tomcat decodes a query string lazily, inside the controller; a truncated UTF-8 escape once answered 500. */
    @Test
    void aQueryStringThatIsNotPercentEncodedUtf8IsRefused() {
        ApiClient.Answer answer = get("/api/v1/risk/required-likelihood-ratio?prior=%E2%82&target=0.1", "VIEWER",
                null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.body().get("detail").asString()).contains("query string");
    }

    /**
     * The firewall checks a header's value when it is first read, inside the controller: a C1 control character
     * (what a client sending UTF-8 Cyrillic produces, read as Latin-1) in the Idempotency-Key once answered 500, in
     * the Accept header a bare 400 without a body. Sent over a plain socket, because Java's HTTP client replaces such
     * bytes before they leave. The Accept case has a body without its amount, so it is refused either way.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Idempotency-Key | {\"companyId\": \"frontier-a\", \"amountPpb\": 5} | header value",
        "Accept          | {\"companyId\": \"frontier-a\"}                     | amountPpb is required",
    })
    void aHeaderWithAControlCharacterIsRefusedInProblemJson(String header, String json, String detail)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /api/v1/regimes/" + regimeId + "/allocations HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nAuthorization: Bearer " + client.token("REGULATOR", null) + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n" + header + ": key-")
                .getBytes(StandardCharsets.ISO_8859_1));
        request.write(0x85);
        request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);

        String answer;
        try (Socket socket = new Socket(base().getHost(), base().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toByteArray());
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"code\":\"VALIDATION_FAILED\"").contains(detail);
        assertThat(eventCount(regimeId)).isEqualTo(eventsAfterSetup());
    }

    /**
     * A 4xx tells the client nothing was done, so it may send the command again; an allocation answered 406 for its
     * Accept header was once performed first, so a corrected retry allocated twice.
     */
    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"text/html", "application/xml"})
    void aCommandWhoseAnswerTheClientCannotReadIsNotPerformed(String accept) {
        ApiClient.Answer answer = allocation(accept, "{\"companyId\": \"frontier-a\", \"amountPpb\": 5}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(406);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(eventCount(regimeId)).isEqualTo(eventsAfterSetup());
    }

    /** An Accept header that is not a media type is disregarded: the refusal still names the problem. */
    @Test
    void anUnparseableAcceptHeaderStillGetsTheProblemNamed() {
        ApiClient.Answer answer = allocation("*/", "{\"companyId\": \"frontier-a\"}");

        expectValidationFailure(answer, "amountPpb is required");
    }

    /**
     * Refused before any controller, by the security firewall or by Tomcat itself: still problem+json with a code,
     * where Boot's JSON map and Tomcat's HTML page used to answer.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "encoded percent in the path (firewall)  | POST  | /api/v1/regimes/a%25b/allocations | 400",
        "double slash (firewall)                 | POST  | /api/v1/regimes//allocations      | 400",
        "encoded slash in the path (Tomcat)      | POST  | /api/v1/regimes/a%2Fb/allocations | 400",
        "TRACE (Tomcat)                          | TRACE | /api/v1/regimes                   | 405",
        "request line over 8 KiB (Tomcat)        | GET   | /api/v1/regimes/LONG/audit-log    | 400",
    })
    void aRequestRefusedBeforeAnyControllerIsAnsweredInProblemJson(String what, String method, String path,
            int status) {
        ApiClient.Answer answer = client.send(HttpRequest.newBuilder(uri(path.replace("LONG", "a".repeat(10_000))))
                .header("Authorization", "Bearer " + client.token("REGULATOR", null))
                .method(method, HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
        assertThat(answer.code()).isNotEmpty();
        assertThat(eventCount(regimeId)).isEqualTo(eventsAfterSetup());
    }

    /** An allocation on the test's regime by the regulator, with this Accept header. */
    private ApiClient.Answer allocation(String accept, String json) {
        return client.send(HttpRequest.newBuilder(uri("/api/v1/regimes/" + regimeId + "/allocations"))
                .header("Authorization", "Bearer " + client.token("REGULATOR", null))
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private void expectValidationFailure(ApiClient.Answer answer, String detail) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.body().get("detail").asString()).contains(detail);
        assertThat(eventCount(regimeId)).as("events after the refusal").isEqualTo(eventsAfterSetup());
    }

    /** The regime opened, two companies registered and allocated. */
    private static long eventsAfterSetup() {
        return 5;
    }
}
