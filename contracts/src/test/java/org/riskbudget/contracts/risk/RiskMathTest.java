package org.riskbudget.contracts.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked figures of DESIGN.md ("Units and arithmetic") and the edges of the odds-form update. */
class RiskMathTest {

    private static List<LikelihoodRatio> ratios(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spaceSeparated.trim().split(" ")).map(LikelihoodRatio::of).toList();
    }

    private static Ppb risk(String prior, String ratios) {
        return RiskMath.misalignmentRisk(Probability.of(prior), ratios(ratios), Probability.ONE);
    }

    @Nested
    class MisalignmentRisk {

        @ParameterizedTest(name = "prior {0} with ratios [{1}] -> {2} ppb")
        @CsvSource({
            // The essay's example: 3 % needs 13:1 to get under 0.25 %, p = 3/1264.
            "0.03,   13,        2373418",
            "0.03,   12,        2570695",
            // Scenario components (misalignment only).
            "0.03,   4 10,      772599",
            "0.03,   4 10 0.2,  3851092",
            "0.01,   5 10,      201980",
            "0.002,  4,         500752",
            "0.002,  4 0.5,     1001002",
            "0.001,  2,         500251",
            "0.001,  5,         200161",
            "0.0001, '',        100000",
            // No evidence: the prior itself, exactly.
            "0.03,   '',        30000000",
            "0.0025, '',        2500000",
            // Certainty and impossibility do not move.
            "1,      1000,      1000000000",
            "0,      0.001,     0",
            // Exact value 1/3 of a billion ppb is 333333333.33..., rounded up.
            "0.5,    2,         333333334",
        })
        void misalignmentRiskMatchesTheWorkedFigures(String prior, String ratios, long expectedPpb) {
            assertThat(risk(prior, ratios)).isEqualTo(Ppb.of(expectedPpb));
        }

        @Test
        void misalignmentRiskIsRoundedUpNeverDown() {
            // 3/1264 of a billion is 2373417.72...: the ledger must count 2373418, not 2373417.
            Ppb ppb = risk("0.03", "13");
            BigInteger exactNumerator = BigInteger.valueOf(3_000_000_000L);
            BigInteger exactDenominator = BigInteger.valueOf(1264);
            assertThat(BigInteger.valueOf(ppb.value()).multiply(exactDenominator)).isGreaterThanOrEqualTo(exactNumerator);
            assertThat(BigInteger.valueOf(ppb.value() - 1).multiply(exactDenominator)).isLessThan(exactNumerator);
        }

        @Test
        void exactValuesAreNotRoundedUpByAnExtraPpb() {
            // prior 0.5 with LR 1: exactly 500000000 ppb.
            assertThat(risk("0.5", "1")).isEqualTo(Ppb.of(500_000_000));
            // prior 0.2 with LR 4: 0.2 / (0.2 + 3.2) = 1/17 -> 58823529.41 -> 58823530.
            assertThat(risk("0.2", "4")).isEqualTo(Ppb.of(58_823_530));
        }

        @ParameterizedTest(name = "P(catastrophe | scheming) {0} scales 772599 to {1}")
        @CsvSource({
            "1,     772599",
            "0.5,   386300", // 386299.5 rounded up
            "0.1,   77260",  // 77259.9 rounded up
            "0,     0",
        })
        void catastropheGivenSchemingScalesTheMisalignmentComponentRoundedUp(String catastrophe, long expectedPpb) {
            Ppb ppb = RiskMath.misalignmentRisk(Probability.of("0.03"), ratios("4 10"), Probability.of(catastrophe));
            assertThat(ppb).isEqualTo(Ppb.of(expectedPpb));
        }

        @Test
        void scalingHappensBeforeRoundingNotAfter() {
            // prior 0.5 with LR 2 is exactly 1/3. Times 0.3 it is exactly 0.1 = 100000000 ppb; rounding 1/3 up to
            // 333333334 ppb first and scaling after would over-count (100000000.2 -> 100000001).
            Ppb ppb = RiskMath.misalignmentRisk(Probability.of("0.5"), ratios("2"), Probability.of("0.3"));
            assertThat(ppb).isEqualTo(Ppb.of(100_000_000));
        }
    }

    @Nested
    class Posterior {

        @Test
        void posteriorOfTheEssayExampleIsThreeOver1264() {
            RiskMath.Fraction posterior = RiskMath.posterior(Probability.of("0.03"), ratios("13"));
            // numerator / denominator == 3 / 1264, checked by cross-multiplication.
            assertThat(posterior.numerator().multiply(BigDecimal.valueOf(1264)))
                    .isEqualByComparingTo(posterior.denominator().multiply(BigDecimal.valueOf(3)));
        }

        @Test
        void evidenceBelowOneRaisesThePosterior() {
            RiskMath.Fraction prior = RiskMath.posterior(Probability.of("0.03"), List.of());
            RiskMath.Fraction afterSmokingGun = RiskMath.posterior(Probability.of("0.03"), ratios("0.2"));
            assertThat(afterSmokingGun.compareTo(prior)).isPositive();
        }

        @Test
        void orderOfEvidenceDoesNotMatter() {
            assertThat(risk("0.03", "4 10 0.2")).isEqualTo(risk("0.03", "0.2 10 4"));
        }
    }

    @Nested
    class RequiredLikelihoodRatio {

        @Test
        void threePercentNeedsThirteenToOneToReachAQuarterPercent() {
            RiskMath.RequiredRatio required =
                    RiskMath.requiredLikelihoodRatio(Probability.of("0.03"), Probability.of("0.0025"));
            assertThat(required.wholeRatio()).isEqualTo(BigInteger.valueOf(13));
            assertThat(required.ratio().toPlainString()).startsWith("12.34");
            // 12.340206185... rounded up at six digits, never understating what is needed.
            assertThat(required.ratio()).isEqualByComparingTo("12.340207");
        }

        @ParameterizedTest(name = "prior {0}, target {1} -> ratio {2}, whole {3}")
        @CsvSource({
            // An exact whole ratio is not rounded up past itself: 0.5 -> 0.2 needs odds 1 -> 0.25, i.e. 4.
            "0.5,   0.2,    4.000000,  4",
            // A prior already at or under the target needs nothing.
            "0.001, 0.0025, 1.000000,  1",
            "0.0025, 0.0025, 1.000000, 1",
            "0,     0.0025, 1.000000,  1",
        })
        void requiredRatioEdges(String prior, String target, String ratio, long whole) {
            RiskMath.RequiredRatio required =
                    RiskMath.requiredLikelihoodRatio(Probability.of(prior), Probability.of(target));
            assertThat(required.ratio()).isEqualByComparingTo(ratio);
            assertThat(required.wholeRatio()).isEqualTo(BigInteger.valueOf(whole));
        }

        @Test
        void theWholeRatioActuallyMeetsTheTargetAndOneLessDoesNot() {
            Probability prior = Probability.of("0.03");
            assertThat(RiskMath.misalignmentRisk(prior, ratios("13"), Probability.ONE).value()).isLessThanOrEqualTo(2_500_000);
            assertThat(RiskMath.misalignmentRisk(prior, ratios("12"), Probability.ONE).value()).isGreaterThan(2_500_000);
        }

        @ParameterizedTest(name = "target {0} is refused")
        @CsvSource({"0", "1"})
        void targetMustBeStrictlyBetweenZeroAndOne(String target) {
            assertThatThrownBy(() -> RiskMath.requiredLikelihoodRatio(Probability.of("0.03"), Probability.of(target)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("target");
        }

        @Test
        void certaintyCannotBeMovedByFiniteEvidence() {
            assertThatThrownBy(() -> RiskMath.requiredLikelihoodRatio(Probability.ONE, Probability.of("0.0025")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("prior");
        }
    }
}
