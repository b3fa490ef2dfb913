package org.riskbudget.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.api.AllocationRequest;
import org.riskbudget.contracts.api.RequiredLikelihoodRatioView;
import org.riskbudget.contracts.api.SubmitSafetyCaseRequest;
import org.riskbudget.contracts.api.TransferRequest;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.risk.LikelihoodRatio;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.risk.Probability;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.DeploymentWindow;
import org.riskbudget.contracts.safetycase.MisalignmentAssessment;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON configuration is strict on reading: a typo or a coerced type is never silently accepted. */
class LedgerJsonTest {

    private static final JsonMapper JSON = LedgerJson.mapper();

    /** The first case of the essay scenario, as a company sends it; {@code %s} marks where tests splice. */
    static final String SUBMIT_BODY = """
            {"caseId": "a-atlas-7", "companyId": "frontier-a", "system": {"name": "atlas", "version": "7"},
             "capabilityTier": %s,
             "window": {"from": "2027-01-01T00:00:00Z", "to": "2027-07-01T00:00:00Z"},
             "assessments": {
               "security": {"level": "SL4", "riskPpb": %s},
               "misalignment": {"priorProbability": %s, "evidence": [
                 {"kind": "CONTROL", "description": "control evaluation with trusted monitoring", "likelihoodRatio": %s},
                 {"kind": "BEHAVIOURAL", "description": "honeypots and model organisms", "likelihoodRatio": "10"}]},
               "misuse": {"riskPpb": 50000}},
             "dependsOn": []}
            """;

    static String submitBody(String tier, String securityRisk, String prior, String firstRatio) {
        return SUBMIT_BODY.formatted(tier, securityRisk, prior, firstRatio);
    }

    static String validSubmitBody() {
        return submitBody("\"AI_10X\"", "100000", "\"0.03\"", "\"4\"");
    }

    @Nested
    class ValidBodies {

        @Test
        void aValidAllocationParses() {
            AllocationRequest request = JSON.readValue("{\"companyId\": \"frontier-a\", \"amountPpb\": 1000000}",
                    AllocationRequest.class);
            assertThat(request).isEqualTo(new AllocationRequest(CompanyId.of("frontier-a"), Ppb.of(1_000_000)));
        }

        @Test
        void aValidSafetyCaseParsesWithTypedValues() {
            SubmitSafetyCaseRequest request = JSON.readValue(validSubmitBody(), SubmitSafetyCaseRequest.class);

            assertThat(request.caseId()).isEqualTo(CaseId.of("a-atlas-7"));
            assertThat(request.capabilityTier()).isEqualTo(CapabilityTier.AI_10X);
            assertThat(request.window()).isEqualTo(new DeploymentWindow(
                    Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z")));
            MisalignmentAssessment misalignment = request.assessments().misalignment();
            assertThat(misalignment.priorProbability()).isEqualTo(Probability.of("0.03"));
            assertThat(misalignment.likelihoodRatios()).containsExactly(LikelihoodRatio.of("4"), LikelihoodRatio.of("10"));
            assertThat(request.assessments().riskBreakdown().totalPpb()).isEqualTo(Ppb.of(922_599));
            assertThat(request.dependsOn()).isEmpty();
        }

        @Test
        void aSafetyCaseSurvivesARoundTrip() {
            SubmitSafetyCaseRequest request = JSON.readValue(validSubmitBody(), SubmitSafetyCaseRequest.class);
            String written = JSON.writeValueAsString(request);
            // Whatever the writer adds must be readable by the strict reader: no derived properties leak out.
            assertThat(JSON.readValue(written, SubmitSafetyCaseRequest.class)).isEqualTo(request);
        }
    }

    @Nested
    class Strictness {

        @ParameterizedTest(name = "allocation {0} is refused")
        @CsvSource(delimiter = '|', value = {
            "unknown field                | {\"companyId\": \"frontier-a\", \"amountPpb\": 1, \"amount\": 2}",
            "misspelt field               | {\"companyID\": \"frontier-a\", \"amountPpb\": 1}",
            "duplicate key                | {\"companyId\": \"frontier-a\", \"companyId\": \"frontier-b\", \"amountPpb\": 1}",
            "duplicate number key         | {\"companyId\": \"frontier-a\", \"amountPpb\": 1, \"amountPpb\": 1}",
            "string for number            | {\"companyId\": \"frontier-a\", \"amountPpb\": \"100\"}",
            "fraction for integer         | {\"companyId\": \"frontier-a\", \"amountPpb\": 1.5}",
            "integral fraction            | {\"companyId\": \"frontier-a\", \"amountPpb\": 100.0}",
            "exponent for integer         | {\"companyId\": \"frontier-a\", \"amountPpb\": 1e6}",
            "boolean for number           | {\"companyId\": \"frontier-a\", \"amountPpb\": true}",
            "integer beyond long          | {\"companyId\": \"frontier-a\", \"amountPpb\": 99999999999999999999}",
            "object for number            | {\"companyId\": \"frontier-a\", \"amountPpb\": {\"value\": 1}}",
            "number for id string         | {\"companyId\": 42, \"amountPpb\": 1}",
            "boolean for id string        | {\"companyId\": true, \"amountPpb\": 1}",
            "trailing garbage             | {\"companyId\": \"frontier-a\", \"amountPpb\": 1} x",
            "trailing second object       | {\"companyId\": \"frontier-a\", \"amountPpb\": 1} {}",
            "trailing comma               | {\"companyId\": \"frontier-a\", \"amountPpb\": 1,}",
            "array instead of object      | [\"frontier-a\", 1]",
        })
        void allocationBodiesThatAreNotExactlyRightAreRefused(String what, String json) {
            assertThatThrownBy(() -> JSON.readValue(json, AllocationRequest.class))
                    .as(what)
                    .isInstanceOf(JacksonException.class);
        }

        @Test
        void anUnknownFieldIsRefusedNamingIt() {
            assertThatThrownBy(() -> JSON.readValue("{\"companyId\": \"frontier-a\", \"amountPpb\": 1, \"amuontPpb\": 2}",
                    AllocationRequest.class))
                    .isInstanceOf(JacksonException.class)
                    .hasMessageContaining("amuontPpb");
        }

        @Test
        void aDuplicateKeyIsRefusedNamingIt() {
            assertThatThrownBy(() -> JSON.readValue("{\"companyId\": \"a\", \"amountPpb\": 5, \"amountPpb\": 6}",
                    AllocationRequest.class))
                    .isInstanceOf(JacksonException.class)
                    .hasMessageContaining("amountPpb");
        }

        @ParameterizedTest(name = "safety case with {0} is refused")
        @CsvSource(delimiter = '|', value = {
            "number for enum               | 2           | 100000   | \"0.03\" | \"4\"",
            "unknown enum name             | \"AI_100X\" | 100000   | \"0.03\" | \"4\"",
            "lower-case enum name          | \"ai_10x\"  | 100000   | \"0.03\" | \"4\"",
            "fraction for risk ppb         | \"AI_10X\"  | 1.5      | \"0.03\" | \"4\"",
            "string for risk ppb           | \"AI_10X\"  | \"100\"  | \"0.03\" | \"4\"",
            "number for probability        | \"AI_10X\"  | 100000   | 0.03     | \"4\"",
            "integer for probability       | \"AI_10X\"  | 100000   | 0        | \"4\"",
            "number for likelihood ratio   | \"AI_10X\"  | 100000   | \"0.03\" | 4",
            "exponent probability string   | \"AI_10X\"  | 100000   | \"3e-2\" | \"4\"",
            "probability above one         | \"AI_10X\"  | 100000   | \"1.5\"  | \"4\"",
            "zero likelihood ratio         | \"AI_10X\"  | 100000   | \"0.03\" | \"0\"",
            "risk above one billion        | \"AI_10X\"  | 1000000001 | \"0.03\" | \"4\"",
        })
        void safetyCaseBodiesWithWrongTypesOrValuesAreRefused(String what, String tier, String securityRisk,
                                                              String prior, String firstRatio) {
            String json = submitBody(tier, securityRisk, prior, firstRatio);
            assertThatThrownBy(() -> JSON.readValue(json, SubmitSafetyCaseRequest.class))
                    .as(what)
                    .isInstanceOf(JacksonException.class);
        }

        @Test
        void anUnknownFieldDeepInsideTheBodyIsRefused() {
            String json = validSubmitBody().replace("\"misuse\": {\"riskPpb\": 50000}",
                    "\"misuse\": {\"riskPpb\": 50000, \"riskPbp\": 1}");
            assertThat(json).contains("riskPbp");
            assertThatThrownBy(() -> JSON.readValue(json, SubmitSafetyCaseRequest.class))
                    .isInstanceOf(JacksonException.class)
                    .hasMessageContaining("riskPbp");
        }

        @Test
        void anInvalidWindowIsRefusedNamingTheField() {
            String json = validSubmitBody().replace("\"to\": \"2027-07-01T00:00:00Z\"", "\"to\": \"2027-01-01T00:00:00Z\"");
            assertThatThrownBy(() -> JSON.readValue(json, SubmitSafetyCaseRequest.class))
                    .isInstanceOf(JacksonException.class)
                    .hasMessageContaining("window.from");
        }

    }

    /** Scalars of the wrong kind are refused rather than coerced: text must be a string, an instant ISO-8601 text. */
    @Nested
    class WrongScalarTypes {

        @ParameterizedTest(name = "{0} is refused")
        @CsvSource(delimiter = '|', value = {
            "number for reason string       | org.riskbudget.contracts.api.ReclamationRequest | {\"companyId\": \"a\", \"amountPpb\": 1, \"reason\": 12}",
            "boolean for reason string      | org.riskbudget.contracts.api.ReclamationRequest | {\"companyId\": \"a\", \"amountPpb\": 1, \"reason\": true}",
            "fraction for reason string     | org.riskbudget.contracts.api.ReclamationRequest | {\"companyId\": \"a\", \"amountPpb\": 1, \"reason\": 1.5}",
            "number for decision reasons    | org.riskbudget.contracts.api.DecisionRequest    | {\"reasons\": 5}",
            "number for system name         | org.riskbudget.contracts.safetycase.AiSystem    | {\"name\": 7, \"version\": \"7\"}",
            "number for system version      | org.riskbudget.contracts.safetycase.AiSystem    | {\"name\": \"atlas\", \"version\": 7}",
        })
        void aNumberOrBooleanForAStringMemberIsRefused(String what, Class<?> type, String json) {
            assertThatThrownBy(() -> JSON.readValue(json, type))
                    .as(what)
                    .isInstanceOf(JacksonException.class);
        }

        @ParameterizedTest(name = "epoch seconds {0} are refused for an Instant")
        @ValueSource(strings = {"1798761600", "1798761600.5"})
        void aNumberForAnInstantIsRefused(String epochSeconds) {
            String json = validSubmitBody().replace("\"from\": \"2027-01-01T00:00:00Z\"", "\"from\": " + epochSeconds);
            assertThat(json).contains("\"from\": " + epochSeconds);
            assertThatThrownBy(() -> JSON.readValue(json, SubmitSafetyCaseRequest.class))
                    .isInstanceOf(JacksonException.class);
        }
    }

    @Nested
    class Writing {

        @Test
        void ppbIsWrittenAsABareNumber() {
            assertThat(JSON.writeValueAsString(Ppb.of(2_500_000))).isEqualTo("2500000");
            assertThat(JSON.writeValueAsString(Ppb.of(-2_801_092))).isEqualTo("-2801092");
            assertThat(JSON.writeValueAsString(new AllocationRequest(CompanyId.of("frontier-a"), Ppb.of(1_000_000))))
                    .isEqualTo("{\"companyId\":\"frontier-a\",\"amountPpb\":1000000}");
        }

        @Test
        void probabilitiesAndRatiosAreWrittenAsDecimalStrings() {
            assertThat(JSON.writeValueAsString(Probability.of("0.030"))).isEqualTo("\"0.03\"");
            assertThat(JSON.writeValueAsString(Probability.of("0.000000001"))).isEqualTo("\"0.000000001\"");
            assertThat(JSON.writeValueAsString(LikelihoodRatio.of("13"))).isEqualTo("\"13\"");
        }

        @Test
        void instantsAreWrittenAsIso8601Text() {
            assertThat(JSON.writeValueAsString(Instant.parse("2027-01-01T00:00:00Z")))
                    .isEqualTo("\"2027-01-01T00:00:00Z\"");
            assertThat(JSON.writeValueAsString(Instant.parse("2027-01-01T00:00:00.123456789Z")))
                    .isEqualTo("\"2027-01-01T00:00:00.123456789Z\"");
        }

        @Test
        void nullMembersAreOmitted() {
            assertThat(JSON.writeValueAsString(new AllocationRequest(CompanyId.of("frontier-a"), null)))
                    .isEqualTo("{\"companyId\":\"frontier-a\"}");
            assertThat(JSON.writeValueAsString(new TransferRequest(null, CompanyId.of("a"), CompanyId.of("b"),
                    Ppb.of(1), null)))
                    .isEqualTo("{\"fromCompanyId\":\"a\",\"toCompanyId\":\"b\",\"amountPpb\":1}");
            assertThat(JSON.writeValueAsString(new Actor(Role.REGULATOR, "reg-1", null)))
                    .isEqualTo("{\"role\":\"REGULATOR\",\"subject\":\"reg-1\"}");
            assertThat(JSON.writeValueAsString(new MisalignmentAssessment(Probability.of("0.03"), List.of(), null)))
                    .isEqualTo("{\"priorProbability\":\"0.03\",\"evidence\":[]}");
        }

        @Test
        void theRequiredRatioViewWritesItsWholeRatioAsANumber() {
            String json = JSON.writeValueAsString(new RequiredLikelihoodRatioView(Probability.of("0.03"),
                    Probability.of("0.0025"), "12.340207", BigInteger.valueOf(13)));
            assertThat(json).isEqualTo(
                    "{\"prior\":\"0.03\",\"target\":\"0.0025\",\"ratio\":\"12.340207\",\"wholeRatio\":13}");
        }
    }

    @Test
    void configureAppliesTheSameStrictnessToAnotherBuilder() {
        JsonMapper other = LedgerJson.configure(JsonMapper.builder()).build();
        assertThatThrownBy(() -> other.readValue("{\"companyId\": \"a\", \"amountPpb\": 1, \"x\": 0}",
                AllocationRequest.class)).isInstanceOf(JacksonException.class);
        assertThat(other.writeValueAsString(new AllocationRequest(CompanyId.of("a"), null)))
                .isEqualTo("{\"companyId\":\"a\"}");
    }
}
