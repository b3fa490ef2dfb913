package org.riskbudget.contracts.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the risk arithmetic, checked against an exact rational computation written independently here
 * (integers only: a probability {@code u / 10^s} is carried as the pair {@code (u, 10^s)}).
 */
class RiskMathPropertiesTest {

    private static final BigInteger BILLION = BigInteger.valueOf(Ppb.ONE);

    // ---- generators ------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Probability> priors() {
        Arbitrary<Probability> fine = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(9).map(Probability::new);
        Arbitrary<Probability> coarse = Arbitraries.of("0", "1", "0.5", "0.03", "0.0025", "0.000000001", "0.999999999")
                .map(Probability::of);
        return Arbitraries.frequencyOf(Tuple.of(8, fine), Tuple.of(2, coarse));
    }

    @Provide
    Arbitrary<Probability> catastrophes() {
        return Arbitraries.oneOf(
                Arbitraries.just(Probability.ONE),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(4).map(Probability::new));
    }

    @Provide
    Arbitrary<LikelihoodRatio> likelihoodRatios() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("0.001"), new BigDecimal("1000"))
                .ofScale(3)
                .map(LikelihoodRatio::new);
    }

    @Provide
    Arbitrary<List<LikelihoodRatio>> ratioLists() {
        return likelihoodRatios().list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<LikelihoodRatio>> nonEmptyRatioLists() {
        return likelihoodRatios().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<BigDecimal> increments() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("500")).ofScale(3);
    }

    @Provide
    Arbitrary<Probability> openProbabilities() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("0.000001"), new BigDecimal("0.999999"))
                .ofScale(6)
                .map(Probability::new);
    }

    // ---- independent exact arithmetic -------------------------------------------------------------------------

    /** A non-negative rational {@code n / d}, d > 0. */
    private record Q(BigInteger n, BigInteger d) {

        static Q of(BigDecimal value) {
            BigDecimal plain = value.scale() < 0 ? value.setScale(0) : value;
            return new Q(plain.unscaledValue(), BigInteger.TEN.pow(plain.scale()));
        }

        static final Q ONE = new Q(BigInteger.ONE, BigInteger.ONE);

        Q times(Q o) {
            return new Q(n.multiply(o.n), d.multiply(o.d));
        }

        Q plus(Q o) {
            return new Q(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
        }

        Q oneMinus() {
            return new Q(d.subtract(n), d);
        }

        Q dividedBy(Q o) {
            return new Q(n.multiply(o.d), d.multiply(o.n));
        }

        int compareTo(Q o) {
            return n.multiply(o.d).compareTo(o.n.multiply(d));
        }
    }

    /** {@code c × p / (p + (1 − p) × ΠLR) × 10^9}, exactly. */
    private static Q exactRiskInPpb(Probability prior, List<LikelihoodRatio> ratios, Probability catastrophe) {
        Q p = Q.of(prior.value());
        Q product = Q.ONE;
        for (LikelihoodRatio ratio : ratios) {
            product = product.times(Q.of(ratio.value()));
        }
        Q posterior = p.dividedBy(p.plus(p.oneMinus().times(product)));
        return posterior.times(Q.of(catastrophe.value())).times(new Q(BILLION, BigInteger.ONE));
    }

    private static Ppb risk(Probability prior, List<LikelihoodRatio> ratios, Probability catastrophe) {
        return RiskMath.misalignmentRisk(prior, ratios, catastrophe);
    }

    // ---- properties -------------------------------------------------------------------------------------------

    @Property(tries = 1000)
    void misalignmentRiskIsTheExactValueRoundedUpToTheNextWholePpb(
            @ForAll("priors") Probability prior,
            @ForAll("ratioLists") List<LikelihoodRatio> ratios,
            @ForAll("catastrophes") Probability catastrophe) {
        Q exact = exactRiskInPpb(prior, ratios, catastrophe);
        long ppb = risk(prior, ratios, catastrophe).value();

        Q rounded = new Q(BigInteger.valueOf(ppb), BigInteger.ONE);
        Q oneBelow = new Q(BigInteger.valueOf(ppb - 1), BigInteger.ONE);
        assertThat(rounded.compareTo(exact)).as("ppb >= exact: never under-counts").isGreaterThanOrEqualTo(0);
        assertThat(oneBelow.compareTo(exact)).as("ppb - 1 < exact: rounds up by less than one ppb").isNegative();
    }

    @Property(tries = 500)
    void misalignmentRiskIsWithinZeroAndOneBillion(
            @ForAll("priors") Probability prior,
            @ForAll("ratioLists") List<LikelihoodRatio> ratios,
            @ForAll("catastrophes") Probability catastrophe) {
        assertThat(risk(prior, ratios, catastrophe).value()).isBetween(0L, Ppb.ONE);
    }

    @Property(tries = 500)
    void raisingAnyOneLikelihoodRatioNeverRaisesRisk(
            @ForAll("priors") Probability prior,
            @ForAll("nonEmptyRatioLists") List<LikelihoodRatio> ratios,
            @ForAll @IntRange(min = 0, max = 5) int position,
            @ForAll("increments") BigDecimal increment,
            @ForAll("catastrophes") Probability catastrophe) {
        int index = position % ratios.size();
        List<LikelihoodRatio> stronger = new ArrayList<>(ratios);
        stronger.set(index, new LikelihoodRatio(ratios.get(index).value().add(increment)));

        assertThat(risk(prior, stronger, catastrophe))
                .isLessThanOrEqualTo(risk(prior, ratios, catastrophe));
    }

    @Property(tries = 500)
    void lowerLikelihoodRatioNeverLowersRisk(
            @ForAll("priors") Probability prior,
            @ForAll("nonEmptyRatioLists") List<LikelihoodRatio> ratios,
            @ForAll @IntRange(min = 0, max = 5) int position,
            @ForAll("catastrophes") Probability catastrophe) {
        int index = position % ratios.size();
        List<LikelihoodRatio> weaker = new ArrayList<>(ratios);
        // Halving a ratio is evidence that is less in favour of safety.
        weaker.set(index, new LikelihoodRatio(ratios.get(index).value().divide(BigDecimal.valueOf(2))));

        assertThat(risk(prior, weaker, catastrophe)).isGreaterThanOrEqualTo(risk(prior, ratios, catastrophe));
    }

    @Property(tries = 500)
    void neutralEvidenceChangesNothing(
            @ForAll("priors") Probability prior,
            @ForAll("ratioLists") List<LikelihoodRatio> ratios,
            @ForAll @IntRange(min = 0, max = 6) int position,
            @ForAll("catastrophes") Probability catastrophe) {
        List<LikelihoodRatio> withNeutral = new ArrayList<>(ratios);
        withNeutral.add(Math.min(position, ratios.size()), LikelihoodRatio.of("1.000"));

        assertThat(risk(prior, withNeutral, catastrophe)).isEqualTo(risk(prior, ratios, catastrophe));
    }

    @Property(tries = 200)
    void aZeroPriorIsZeroRiskWhateverTheEvidence(
            @ForAll("ratioLists") List<LikelihoodRatio> ratios,
            @ForAll("catastrophes") Probability catastrophe) {
        assertThat(risk(Probability.ZERO, ratios, catastrophe)).isEqualTo(Ppb.ZERO);
    }

    @Property(tries = 300)
    void aHigherPriorNeverLowersRisk(
            @ForAll("priors") Probability a,
            @ForAll("priors") Probability b,
            @ForAll("ratioLists") List<LikelihoodRatio> ratios) {
        Probability low = a.compareTo(b) <= 0 ? a : b;
        Probability high = a.compareTo(b) <= 0 ? b : a;
        assertThat(risk(high, ratios, Probability.ONE)).isGreaterThanOrEqualTo(risk(low, ratios, Probability.ONE));
    }

    @Property(tries = 1000)
    void theWholeRequiredRatioMeetsTheTargetAndOneLessDoesNot(
            @ForAll("openProbabilities") Probability prior,
            @ForAll("openProbabilities") Probability target) {
        RiskMath.RequiredRatio required = RiskMath.requiredLikelihoodRatio(prior, target);
        Q t = Q.of(target.value());
        BigInteger whole = required.wholeRatio();

        Q reached = exactRiskInPpb(prior, List.of(new LikelihoodRatio(new BigDecimal(whole))), Probability.ONE)
                .dividedBy(new Q(BILLION, BigInteger.ONE));
        assertThat(reached.compareTo(t)).as("posterior with wholeRatio %s <= target", whole).isLessThanOrEqualTo(0);

        Assume.that(required.ratio().compareTo(BigDecimal.ONE) > 0);
        BigInteger oneLess = whole.subtract(BigInteger.ONE);
        Assume.that(oneLess.signum() > 0);
        Q missed = exactRiskInPpb(prior, List.of(new LikelihoodRatio(new BigDecimal(oneLess))), Probability.ONE)
                .dividedBy(new Q(BILLION, BigInteger.ONE));
        assertThat(missed.compareTo(t)).as("posterior with wholeRatio - 1 = %s > target", oneLess).isPositive();
    }

    @Property(tries = 1000)
    void theDecimalRequiredRatioIsRoundedUpAtSixDigits(
            @ForAll("openProbabilities") Probability prior,
            @ForAll("openProbabilities") Probability target) {
        RiskMath.RequiredRatio required = RiskMath.requiredLikelihoodRatio(prior, target);
        Q p = Q.of(prior.value());
        Q t = Q.of(target.value());
        // exact = p (1 - t) / (t (1 - p))
        Q exact = p.times(t.oneMinus()).dividedBy(t.times(p.oneMinus()));
        Q shown = Q.of(required.ratio());

        assertThat(required.ratio().scale()).isEqualTo(RiskMath.RATIO_SCALE);
        if (exact.compareTo(Q.ONE) <= 0) {
            assertThat(required.ratio()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(required.wholeRatio()).isEqualTo(BigInteger.ONE);
        } else {
            Q oneDigitLess = Q.of(required.ratio().subtract(new BigDecimal("0.000001")));
            assertThat(shown.compareTo(exact)).isGreaterThanOrEqualTo(0);
            assertThat(oneDigitLess.compareTo(exact)).isNegative();
        }
    }
}
