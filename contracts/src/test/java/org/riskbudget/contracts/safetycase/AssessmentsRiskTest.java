package org.riskbudget.contracts.safetycase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.risk.LikelihoodRatio;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.risk.Probability;

/**
 * A case's risk is the sum of its threat-model components, each rounded up to whole ppb first. The figures are
 * those of the worked scenarios in {@code shared/scenarios}.
 */
class AssessmentsRiskTest {

    private static List<EvidenceItem> evidence(String ratios) {
        if (ratios == null || ratios.isBlank()) {
            return List.of();
        }
        return Arrays.stream(ratios.trim().split(" "))
                .map(ratio -> new EvidenceItem(EvidenceKind.OTHER, "evidence with ratio " + ratio, LikelihoodRatio.of(ratio)))
                .toList();
    }

    private static Assessments assessments(long securityPpb, String prior, String ratios, long misusePpb) {
        return new Assessments(
                new SecurityAssessment(SecurityLevel.SL3, Ppb.of(securityPpb)),
                new MisalignmentAssessment(Probability.of(prior), evidence(ratios), null),
                new MisuseAssessment(Ppb.of(misusePpb)));
    }

    @Nested
    class ScenarioFigures {

        @ParameterizedTest(name = "{0}: {1} + misalignment({2}; {3}) + {4} = {5}")
        @CsvSource({
            "essay a-atlas-7,                     100000, 0.03,   4 10,      50000, 922599",
            "essay a-atlas-7 revised with 0.2,    100000, 0.03,   4 10 0.2,  50000, 4001092",
            "essay c-cirrus-1,                    20000,  0.01,   5 10,      10000, 231980",
            "unilateral s-1,                      50000,  0.002,  4,         20000, 570752",
            "unilateral s-2,                      10000,  0.001,  2,         5000,  515251",
            "unilateral s-3,                      10000,  0.001,  5,         5000,  215161",
            "unilateral s-4,                      1000,   0.0001, '',        1000,  102000",
            "unilateral s-1 revised with 0.5,     50000,  0.002,  4 0.5,     20000, 1071002",
        })
        void caseRiskIsTheSumOfItsComponents(String name, long securityPpb, String prior, String ratios,
                                             long misusePpb, long expectedPpb) {
            RiskBreakdown breakdown = assessments(securityPpb, prior, ratios, misusePpb).riskBreakdown();

            assertThat(breakdown.totalPpb()).isEqualTo(Ppb.of(expectedPpb));
            assertThat(breakdown.securityPpb()).isEqualTo(Ppb.of(securityPpb));
            assertThat(breakdown.misusePpb()).isEqualTo(Ppb.of(misusePpb));
            assertThat(breakdown.misalignmentPpb()).isEqualTo(Ppb.of(expectedPpb - securityPpb - misusePpb));
        }

        @Test
        void theRevisionAppendsEvidenceToTheAcceptedAssessment() {
            MisalignmentAssessment accepted = new MisalignmentAssessment(Probability.of("0.03"), evidence("4 10"), null);
            MisalignmentAssessment revised = accepted.withMoreEvidence(evidence("0.2"));

            assertThat(accepted.riskPpb()).isEqualTo(Ppb.of(772_599));
            assertThat(revised.riskPpb()).isEqualTo(Ppb.of(3_851_092));
            assertThat(revised.evidence()).hasSize(3);
            assertThat(accepted.evidence()).as("the original is unchanged").hasSize(2);
            Assessments before = new Assessments(new SecurityAssessment(SecurityLevel.SL4, Ppb.of(100_000)), accepted,
                    new MisuseAssessment(Ppb.of(50_000)));
            Assessments after = new Assessments(before.security(), revised, before.misuse());
            assertThat(after.riskBreakdown().totalPpb()).isEqualTo(Ppb.of(4_001_092));
        }

        @Test
        void theScenarioBodyParsedFromJsonGivesTheSameFigure() throws Exception {
            String json = """
                    {"security": {"level": "SL4", "riskPpb": 100000},
                     "misalignment": {"priorProbability": "0.03", "evidence": [
                       {"kind": "CONTROL", "description": "control evaluation with trusted monitoring", "likelihoodRatio": "4"},
                       {"kind": "BEHAVIOURAL", "description": "honeypots and model organisms", "likelihoodRatio": "10"}]},
                     "misuse": {"riskPpb": 50000}}
                    """;
            Assessments parsed = LedgerJson.mapper().readValue(json, Assessments.class);
            assertThat(parsed.riskBreakdown().totalPpb()).isEqualTo(Ppb.of(922_599));
        }
    }

    @Nested
    class Components {

        @Test
        void absentComponentsCountAsZero() {
            Assessments onlyMisuse = new Assessments(null, null, new MisuseAssessment(Ppb.of(7)));
            assertThat(onlyMisuse.riskBreakdown()).isEqualTo(new RiskBreakdown(Ppb.ZERO, Ppb.ZERO, Ppb.of(7)));
            assertThat(onlyMisuse.threatModels()).containsExactly(ThreatModel.MISUSE);
            assertThat(new Assessments(null, null, null).isEmpty()).isTrue();
            assertThat(onlyMisuse.isEmpty()).isFalse();
        }

        @Test
        void eachComponentIsRoundedUpBeforeSummingNotAfter() {
            // Misalignment 0.5 with LR 2 is 333333333.33... ppb, which alone rounds up to 333333334.
            Assessments assessments = new Assessments(
                    new SecurityAssessment(SecurityLevel.SL5, Ppb.of(1)),
                    new MisalignmentAssessment(Probability.of("0.5"), evidence("2"), null),
                    null);
            assertThat(assessments.riskBreakdown().misalignmentPpb()).isEqualTo(Ppb.of(333_333_334));
            assertThat(assessments.riskBreakdown().totalPpb()).isEqualTo(Ppb.of(333_333_335));
        }

        @ParameterizedTest(name = "P(catastrophe | scheming) {0} -> misalignment {1} ppb")
        @CsvSource({
            "'',  772599", // absent: one, the conservative reading
            "1,   772599",
            "0.5, 386300", // half of 772598.92..., rounded up
            "0,   0",
        })
        void catastropheGivenSchemingScalesTheMisalignmentComponent(String catastrophe, long expectedPpb) {
            Probability given = catastrophe == null || catastrophe.isBlank() ? null : Probability.of(catastrophe);
            MisalignmentAssessment assessment = new MisalignmentAssessment(Probability.of("0.03"), evidence("4 10"), given);
            assertThat(assessment.riskPpb()).isEqualTo(Ppb.of(expectedPpb));
            Assessments assessments = new Assessments(new SecurityAssessment(SecurityLevel.SL4, Ppb.of(100_000)),
                    assessment, new MisuseAssessment(Ppb.of(50_000)));
            assertThat(assessments.riskBreakdown().totalPpb()).isEqualTo(Ppb.of(150_000 + expectedPpb));
        }

        @Test
        void replacedComponentsTakeThePlaceOfTheOldOnesAndTheRestStay() {
            Assessments original = assessments(100_000, "0.03", "4 10", 50_000);
            Assessments replaced = original.replacedBy(new Assessments(null, null, new MisuseAssessment(Ppb.of(1))));
            assertThat(replaced.security()).isEqualTo(original.security());
            assertThat(replaced.misalignment()).isEqualTo(original.misalignment());
            assertThat(replaced.misuse().riskPpb()).isEqualTo(Ppb.of(1));
            assertThat(original.replacedBy(null)).isSameAs(original);
        }

        @Test
        void componentRisksOutsideZeroToOneBillionAreRefusedNamingTheField() {
            assertThatThrownBy(() -> new SecurityAssessment(SecurityLevel.SL1, Ppb.of(-1)))
                    .hasMessageContaining("security.riskPpb");
            assertThatThrownBy(() -> new MisuseAssessment(Ppb.of(1_000_000_001)))
                    .hasMessageContaining("misuse.riskPpb");
            assertThatThrownBy(() -> new MisalignmentAssessment(null, List.of(), null))
                    .hasMessageContaining("misalignment.priorProbability");
        }

        @Test
        void evidenceIsBoundedAndHasNoNullItems() {
            List<EvidenceItem> tooMany = evidence(String.join(" ", Collections.nCopies(
                    MisalignmentAssessment.MAX_EVIDENCE_ITEMS + 1, "2")));
            assertThatThrownBy(() -> new MisalignmentAssessment(Probability.of("0.03"), tooMany, null))
                    .hasMessageContaining("misalignment.evidence");
            List<EvidenceItem> withNull = new ArrayList<>(evidence("2"));
            withNull.add(null);
            assertThatThrownBy(() -> new MisalignmentAssessment(Probability.of("0.03"), withNull, null))
                    .hasMessageContaining("misalignment.evidence");
            MisalignmentAssessment atTheLimit = new MisalignmentAssessment(Probability.of("0.03"),
                    tooMany.subList(0, MisalignmentAssessment.MAX_EVIDENCE_ITEMS), null);
            assertThatThrownBy(() -> atTheLimit.withMoreEvidence(evidence("2")))
                    .hasMessageContaining("misalignment.evidence");
        }
    }
}
